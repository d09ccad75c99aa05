package io.llmfleet.core.kafka;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.topic.FleetTopics;

import static org.assertj.core.api.Assertions.assertThat;

class FleetPropertiesBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class)
		.withInitializer((context) -> new FleetDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()));

	@Test
	void defaultsGiveThreeTiersAndALocalCatalogue() {
		this.runner.run((context) -> {
			FleetCatalog catalog = context.getBean(FleetCatalog.class);
			assertThat(catalog.tierNames()).containsExactly("fast", "code", "heavy");
			assertThat(catalog.models()).hasSize(6)
				.allSatisfy((model) -> assertThat(model.backendModel()).isNotBlank());
			assertThat(context.getBean(FleetTopics.class).requests()).isEqualTo("fleet.requests");
			assertThat(context.getEnvironment().getProperty("spring.kafka.producer.properties.linger.ms"))
				.isEqualTo("0");
		});
	}

	@Test
	void kebabCaseKeysBindAndOverrideTheDefaults() {
		this.runner
			.withPropertyValues("fleet.topics.prefix=acme.", "fleet.topics.model-partitions=12",
					"fleet.catalog.models[0].id=tiny", "fleet.catalog.models[0].backend=ollama",
					"fleet.catalog.models[0].backend-model=tiny:1b", "fleet.catalog.models[0].tier=fast",
					"fleet.catalog.models[0].context-length=4096", "fleet.catalog.models[0].vram=2GB")
			.run((context) -> {
				FleetTopics topics = context.getBean(FleetTopics.class);
				assertThat(topics.model("tiny")).isEqualTo("acme.model.tiny");
				assertThat(topics.modelPartitions()).isEqualTo(12);
				FleetCatalog.Model tiny = context.getBean(FleetCatalog.class).model("tiny").orElseThrow();
				assertThat(tiny.contextLength()).isEqualTo(4096);
				assertThat(tiny.vram().toGigabytes()).isEqualTo(2);
			});
	}

	@Test
	void aTopicUnsafeModelIdStopsStartUpQuotingIt() {
		this.runner
			.withPropertyValues("fleet.catalog.models[0].id=bad id!", "fleet.catalog.models[0].backend=ollama",
					"fleet.catalog.models[0].backend-model=x", "fleet.catalog.models[0].tier=fast")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("bad id!"));
	}

	@Test
	void aModelOfAnUnknownTierStopsStartUp() {
		this.runner
			.withPropertyValues("fleet.catalog.models[0].id=x", "fleet.catalog.models[0].backend=ollama",
					"fleet.catalog.models[0].backend-model=x", "fleet.catalog.models[0].tier=gigantic")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("'gigantic'"));
	}

	@Test
	void aZeroPartitionCountStopsStartUp() {
		this.runner.withPropertyValues("fleet.topics.partitions=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("partitions"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ FleetTopics.class, FleetCatalog.class })
	static class Properties {

	}

}
