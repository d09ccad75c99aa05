package io.llmfleet.classifier.rules;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierPropertiesBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void defaultsNameTheClassifierAndSetTheThreshold() {
		this.runner.run((context) -> {
			ClassifierProperties properties = context.getBean(ClassifierProperties.class);
			assertThat(properties.id()).isEqualTo("rules@1");
			assertThat(properties.confidenceThreshold()).isEqualTo(0.5);
			assertThat(properties.rules()).isEmpty();
		});
	}

	@Test
	void kebabCaseRuleKeysBind() {
		this.runner
			.withPropertyValues("fleet.classifier.confidence-threshold=0.7", "fleet.classifier.rules[0].name=long",
					"fleet.classifier.rules[0].tier=heavy", "fleet.classifier.rules[0].confidence=0.8",
					"fleet.classifier.rules[0].min-prompt-tokens=900")
			.run((context) -> {
				ClassifierProperties properties = context.getBean(ClassifierProperties.class);
				assertThat(properties.confidenceThreshold()).isEqualTo(0.7);
				assertThat(properties.rules()).singleElement()
					.satisfies((rule) -> assertThat(rule.minPromptTokens()).isEqualTo(900));
			});
	}

	@Test
	void aThresholdAboveOneStopsStartUp() {
		this.runner.withPropertyValues("fleet.classifier.confidence-threshold=1.5")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("confidenceThreshold"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ClassifierProperties.class)
	static class Properties {

	}

}
