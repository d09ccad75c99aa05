package io.llmfleet.worker.runtime;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

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
			assertThat(properties.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.warmUp()).isFalse();
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
	void shutdownAndWarmUpKeysBindInKebabCase() {
		this.runner.withPropertyValues("fleet.worker.shutdown-grace=2m", "fleet.worker.warm-up=true").run((context) -> {
			WorkerProperties properties = context.getBean(WorkerProperties.class);
			assertThat(properties.shutdownGrace()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.warmUp()).isTrue();
		});
	}

	@Test
	void aNegativeShutdownGraceStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.worker.shutdown-grace=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fleet.worker.shutdown-grace must not be negative, was PT-1S"));
	}

	@Test
	void aZeroStatusTimeoutStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.worker.status-timeout=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fleet.worker.status-timeout must be at least 1ms, was PT0S"));
	}

	@Test
	void capacityDefaultsWorkWithoutAGpu() {
		this.runner.run((context) -> {
			WorkerProperties properties = context.getBean(WorkerProperties.class);
			assertThat(properties.heartbeat()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.statusPoll()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.statusTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.gpu().index()).isNull();
			assertThat(properties.gpu().uuid()).isNull();
			assertThat(properties.gpu().nvml()).isTrue();
			assertThat(properties.gpu().library()).isEqualTo("nvidia-ml");
			assertThat(properties.gpu().staticVram()).isEqualTo(DataSize.ofGigabytes(80));
		});
	}

	@Test
	void capacityKeysBindInKebabCase() {
		this.runner
			.withPropertyValues("fleet.worker.heartbeat=5s", "fleet.worker.status-poll=1s",
					"fleet.worker.status-timeout=750ms", "fleet.worker.gpu.index=3", "fleet.worker.gpu.nvml=false",
					"fleet.worker.gpu.library=libnvidia-ml.so.1", "fleet.worker.gpu.static-vram=24GB")
			.run((context) -> {
				WorkerProperties properties = context.getBean(WorkerProperties.class);
				assertThat(properties.heartbeat()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.statusPoll()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.statusTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.gpu().index()).isEqualTo(3);
				assertThat(properties.gpu().nvml()).isFalse();
				assertThat(properties.gpu().library()).isEqualTo("libnvidia-ml.so.1");
				assertThat(properties.gpu().staticVram()).isEqualTo(DataSize.ofGigabytes(24));
			});
	}

	@Test
	void aGpuUuidPinBinds() {
		this.runner.withPropertyValues("fleet.worker.gpu.uuid=GPU-8932f937")
			.run((context) -> assertThat(context.getBean(WorkerProperties.class).gpu().uuid())
				.isEqualTo("GPU-8932f937"));
	}

	@Test
	void pinningByIndexAndUuidAtOnceStopsStartUpQuotingBoth() {
		this.runner.withPropertyValues("fleet.worker.gpu.index=1", "fleet.worker.gpu.uuid=GPU-x")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fleet.worker.gpu.index (1)")
				.hasMessageContaining("fleet.worker.gpu.uuid (GPU-x)"));
	}

	@Test
	void aNegativeGpuIndexStopsStartUp() {
		this.runner.withPropertyValues("fleet.worker.gpu.index=-1")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("gpu.index"));
	}

	@Test
	void aZeroStaticBudgetStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.worker.gpu.static-vram=0B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fleet.worker.gpu.static-vram must be positive, was 0B"));
	}

	@Test
	void aStatusPollLongerThanTheHeartbeatStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.worker.heartbeat=1s", "fleet.worker.status-poll=3s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fleet.worker.status-poll")
				.hasMessageContaining("PT3S"));
	}

	@Test
	void aZeroHeartbeatStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.worker.heartbeat=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("fleet.worker.heartbeat must be at least 1ms, was PT0S"));
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
