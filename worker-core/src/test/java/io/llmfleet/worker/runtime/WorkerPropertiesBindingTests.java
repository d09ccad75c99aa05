package io.llmfleet.worker.runtime;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPropertiesBindingTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class)
		.withPropertyValues("fleet.worker.backend=ollama");

	@Test
	void defaultsBoundInFlightAndNameTheWorkerAfterBackendHostAndPid() {
		this.runner.run((context) -> {
			WorkerProperties properties = context.getBean(WorkerProperties.class);
			assertThat(properties.maxInFlight()).isEqualTo(4);
			assertThat(properties.requestTimeout()).isEqualTo(Duration.ofMinutes(5));
			assertThat(properties.id()).startsWith("ollama@").endsWith(":" + ProcessHandle.current().pid());
			assertThat(properties.maxPollInterval()).isGreaterThan(properties.requestTimeout().multipliedBy(3));
		});
	}

	@Test
	void kebabCaseKeysBind() {
		this.runner
			.withPropertyValues("fleet.worker.id=gpu0", "fleet.worker.max-in-flight=16", "fleet.worker.models=a,b",
					"fleet.worker.request-timeout=90s", "fleet.worker.transient-retries=0")
			.run((context) -> {
				WorkerProperties properties = context.getBean(WorkerProperties.class);
				assertThat(properties.id()).isEqualTo("gpu0");
				assertThat(properties.maxInFlight()).isEqualTo(16);
				assertThat(properties.models()).containsExactly("a", "b");
				assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(90));
			});
	}

	@Test
	void zeroInFlightStopsStartUp() {
		this.runner.withPropertyValues("fleet.worker.max-in-flight=0")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("maxInFlight"));
	}

	@Test
	void aNonPositiveTimeoutStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.worker.request-timeout=0s")
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("PT0S"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(WorkerProperties.class)
	static class Properties {

	}

}
