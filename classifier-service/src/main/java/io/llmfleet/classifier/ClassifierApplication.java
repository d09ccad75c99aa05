package io.llmfleet.classifier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.llmfleet.classifier.rules.ClassifierProperties;
import io.llmfleet.classifier.rules.RuleClassifier;
import io.llmfleet.core.catalog.FleetCatalog;

/**
 * The classifier service. Its configuration file is {@code classifier-service.yml}, so it
 * can share one JVM with the other services under {@code fleet local}.
 */
@SpringBootApplication
@EnableConfigurationProperties(ClassifierProperties.class)
public class ClassifierApplication {

	/** The application as {@code main} and {@code fleet local} start it. */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(ClassifierApplication.class)
			.properties("spring.config.name=classifier-service")
			.web(WebApplicationType.NONE);
	}

	public static void main(String[] args) {
		builder().run(args);
	}

	@Bean
	RuleClassifier ruleClassifier(FleetCatalog catalog, ClassifierProperties properties) {
		return new RuleClassifier(catalog, properties);
	}

}
