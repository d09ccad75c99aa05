package io.llmfleet.dispatcher;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.dispatcher.fallback.FallbackPlanner;
import io.llmfleet.dispatcher.routing.ModelSelector;
import io.llmfleet.dispatcher.routing.Router;

/**
 * The dispatcher service. Its configuration file is {@code dispatcher-service.yml}, so it
 * can share one JVM with the other services under {@code fleet local}.
 */
@SpringBootApplication
public class DispatcherApplication {

	/** The application as {@code main} and {@code fleet local} start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(DispatcherApplication.class)
			.properties("spring.config.name=dispatcher-service")
			.web(WebApplicationType.NONE);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

	@Bean
	Router router(FleetCatalog catalog) {
		return new Router(new ModelSelector(catalog));
	}

	@Bean
	FallbackPlanner fallbackPlanner(FleetCatalog catalog, Router router) {
		return new FallbackPlanner(catalog, router);
	}

}
