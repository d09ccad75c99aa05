package io.llmfleet.classifier.decision;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import io.llmfleet.classifier.cascade.CascadeProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierPropertiesBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void defaultsServeTheShippedModelWithLanguagesAndNoRules() {
		this.runner.run((context) -> {
			ClassifierProperties properties = context.getBean(ClassifierProperties.class);
			assertThat(properties.model()).isEqualTo("classpath:models/tier-model.bin");
			assertThat(properties.reloadInterval()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.confidenceThreshold()).isEqualTo(0.5);
			assertThat(properties.rules()).isEmpty();
			assertThat(properties.language().enabled()).isTrue();
			assertThat(properties.language().languages()).contains("en", "de", "es", "fr", "zh", "hi", "bn", "ta", "te",
					"ml", "mr", "gu", "kn", "pa");
			assertThat(properties.language().maxChars()).isEqualTo(160);
		});
	}

	@Test
	void kebabCaseKeysBind() {
		this.runner
			.withPropertyValues("fleet.classifier.model=/srv/models/tier.model", "fleet.classifier.reload-interval=2s",
					"fleet.classifier.confidence-threshold=0.7", "fleet.classifier.rules[0].name=essay",
					"fleet.classifier.rules[0].tier=heavy", "fleet.classifier.rules[0].confidence=0.8",
					"fleet.classifier.rules[0].min-target-words=300", "fleet.classifier.rules[0].any-of=essay,Story",
					"fleet.classifier.rules[1].name=long", "fleet.classifier.rules[1].tier=heavy",
					"fleet.classifier.rules[1].confidence=0.8", "fleet.classifier.rules[1].min-prompt-tokens=900",
					"fleet.classifier.language.languages=en,kn", "fleet.classifier.language.max-chars=64")
			.run((context) -> {
				ClassifierProperties properties = context.getBean(ClassifierProperties.class);
				assertThat(properties.model()).isEqualTo("/srv/models/tier.model");
				assertThat(properties.reloadInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.confidenceThreshold()).isEqualTo(0.7);
				assertThat(properties.rules()).hasSize(2);
				assertThat(properties.rules().get(0).minTargetWords()).isEqualTo(300);
				assertThat(properties.rules().get(0).anyOf()).containsExactly("essay", "story");
				assertThat(properties.rules().get(1).minPromptTokens()).isEqualTo(900);
				assertThat(properties.language().languages()).containsExactly("en", "kn");
				assertThat(properties.language().maxChars()).isEqualTo(64);
			});
	}

	@Test
	void theCascadeDefaultsToTheShippedHeadAndItsKeysBindInKebabCase() {
		this.runner.run((context) -> {
			CascadeProperties cascade = context.getBean(ClassifierProperties.class).cascade();
			assertThat(cascade).isEqualTo(CascadeProperties.defaults());
			assertThat(cascade.model()).isEqualTo("classpath:models/cascade-head.bin");
		});
		this.runner
			.withPropertyValues("fleet.classifier.cascade.enabled=true", "fleet.classifier.cascade.model=/srv/head.bin",
					"fleet.classifier.cascade.threshold=0.55", "fleet.classifier.cascade.weight=1")
			.run((context) -> assertThat(context.getBean(ClassifierProperties.class).cascade())
				.isEqualTo(new CascadeProperties(true, "/srv/head.bin", 0.55, 1.0)));
	}

	@Test
	void aCascadeThresholdAboveOneOrABlankHeadStopsStartUp() {
		this.runner.withPropertyValues("fleet.classifier.cascade.threshold=1.5")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("cascade.threshold")
				.hasStackTraceContaining("1.5"));
		this.runner.withPropertyValues("fleet.classifier.cascade.weight=-0.2")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("cascade.weight"));
		this.runner.withPropertyValues("fleet.classifier.cascade.model= ")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("cascade.model"));
	}

	@Test
	void aThresholdAboveOneStopsStartUp() {
		this.runner.withPropertyValues("fleet.classifier.confidence-threshold=1.5")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("confidenceThreshold"));
	}

	@Test
	void aTooSmallLanguageSampleStopsStartUp() {
		this.runner.withPropertyValues("fleet.classifier.language.max-chars=3")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("maxChars"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClassifierProperties.class)
	static class Properties {

	}

}
