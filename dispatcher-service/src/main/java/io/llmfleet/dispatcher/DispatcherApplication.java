package io.llmfleet.dispatcher;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.kafka.TopicFeed;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.dispatcher.capacity.CapacityHealthIndicator;
import io.llmfleet.dispatcher.capacity.CapacityView;
import io.llmfleet.dispatcher.fallback.FallbackPlanner;
import io.llmfleet.dispatcher.health.ModelBreakers;
import io.llmfleet.dispatcher.health.ModelLoad;
import io.llmfleet.dispatcher.routing.Placement;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * The dispatcher service. Its configuration file is {@code dispatcher-service.yml}, so it
 * can share one JVM with the other services under {@code fleet local}.
 */
@SpringBootApplication
@EnableConfigurationProperties(DispatcherProperties.class)
public class DispatcherApplication {

	/** The application as {@code main} and {@code fleet local} start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(DispatcherApplication.class)
			.properties("spring.config.name=dispatcher-service")
			.web(WebApplicationType.NONE);
	}

	/** Standalone, the service serves the actuator (health, Prometheus) over HTTP. */
	public static void main(String[] args) {
		builder().web(WebApplicationType.SERVLET).run(args);
	}

	@Bean
	CapacityView capacityView(DispatcherProperties properties) {
		return new CapacityView(properties.missedHeartbeats(), Clock.systemUTC());
	}

	@Bean
	ModelBreakers modelBreakers(DispatcherProperties properties) {
		return new ModelBreakers(properties.breaker());
	}

	@Bean
	ModelLoad modelLoad(DispatcherProperties properties) {
		// A request without an outcome for longer than a breaker's probe timeout has
		// lost its worker: stop counting it in the model's queue.
		return new ModelLoad(properties.expectedLatency(), properties.breaker().probeTimeout().multipliedBy(5),
				Clock.systemUTC());
	}

	@Bean
	Router router(FleetCatalog catalog, CapacityView capacity, ModelBreakers breakers, ModelLoad load,
			DispatcherProperties properties) {
		return new Router(catalog, new Placement(catalog, capacity, breakers, load, properties),
				properties.defaultMaxTokens());
	}

	@Bean
	FallbackPlanner fallbackPlanner(FleetCatalog catalog, Router router, DispatcherProperties properties) {
		return new FallbackPlanner(catalog, router, properties.maxAttempts());
	}

	@Bean
	DispatchMetrics dispatchMetrics(ObjectProvider<MeterRegistry> registry, FleetCatalog catalog, CapacityView capacity,
			ModelBreakers breakers) {
		return new DispatchMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), catalog, capacity, breakers);
	}

	@Bean
	CapacityHealthIndicator capacityHealthIndicator(CapacityView view) {
		return new CapacityHealthIndicator(view);
	}

	/**
	 * The capacity view, rebuilt from the compacted topic before any request is placed.
	 */
	@Bean
	TopicFeed<Object> capacityFeed(ConsumerFactory<String, Object> consumers, FleetTopics topics, CapacityView view,
			DispatchMetrics metrics, DispatcherProperties properties) {
		return new TopicFeed<>(consumers, topics.capacity(), TopicFeed.From.BEGINNING, (record) -> {
			if (record.value() == null || record.value() instanceof CapacityReport) {
				view.apply(record.key(), (CapacityReport) record.value());
			}
			if (record.value() instanceof CapacityReport report) {
				metrics.reported(report);
			}
		}, properties.capacityCatchUp());
	}

	/** Outcomes from now on feed the breakers and the queue-depth estimate. */
	@Bean
	TopicFeed<Object> outcomeFeed(ConsumerFactory<String, Object> consumers, FleetTopics topics, ModelBreakers breakers,
			ModelLoad load, DispatcherProperties properties) {
		return new TopicFeed<>(consumers, topics.outcomes(), TopicFeed.From.END, (record) -> {
			if (record.value() instanceof RoutingOutcome outcome) {
				breakers.record(outcome);
				load.finished(outcome);
			}
		}, properties.capacityCatchUp());
	}

}
