package io.llmfleet.worker.vllm;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class VllmPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(VllmBackendConfiguration.class);

	@Test
	void defaultsPointAtALocalVllmWithoutKey() {
		this.runner.run((context) -> {
			VllmProperties properties = context.getBean(VllmProperties.class);
			assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8000"));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.apiKey()).isNull();
			assertThat(properties.generationTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(context.getBean(VllmBackend.class).kind()).isEqualTo("vllm");
		});
	}

	@Test
	void kebabCaseKeysBind() {
		this.runner
			.withPropertyValues("fleet.vllm.base-url=https://gpu-3.internal:8443", "fleet.vllm.connect-timeout=750ms",
					"fleet.vllm.api-key=s3cret", "fleet.vllm.generation-timeout=20s")
			.run((context) -> {
				VllmProperties properties = context.getBean(VllmProperties.class);
				assertThat(properties.baseUrl()).isEqualTo(URI.create("https://gpu-3.internal:8443"));
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(750));
				assertThat(properties.apiKey()).isEqualTo("s3cret");
				assertThat(properties.generationTimeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(properties.toString()).doesNotContain("s3cret");
			});
	}

	@Test
	void baseUrlWithoutSchemeStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.vllm.base-url=gpu-3:8000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fleet.vllm.base-url")
				.hasMessageContaining("'gpu-3:8000'"));
	}

	@Test
	void baseUrlEndingInV1StopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.vllm.base-url=http://127.0.0.1:8000/v1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("without /v1")
				.hasMessageContaining("'http://127.0.0.1:8000/v1'"));
	}

	@Test
	void zeroConnectTimeoutStopsStartUp() {
		this.runner.withPropertyValues("fleet.vllm.connect-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("connectTimeout"));
	}

}
