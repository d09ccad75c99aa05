package io.llmfleet.worker.ollama;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(OllamaBackendConfiguration.class);

	@Test
	void defaultsPointAtALocalOllama() {
		this.runner.run((context) -> {
			OllamaProperties properties = context.getBean(OllamaProperties.class);
			assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:11434"));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.keepAlive()).isEqualTo("5m");
			assertThat(properties.loadTimeout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.generationTimeout()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties.maxNumCtx()).isNull();
			assertThat(context.getBean(OllamaBackend.class).kind()).isEqualTo("ollama");
		});
	}

	@Test
	void kebabCaseKeysBind() {
		this.runner.withPropertyValues("fleet.ollama.base-url=http://gpu-7.internal:11434",
				"fleet.ollama.connect-timeout=500ms", "fleet.ollama.keep-alive=1h30m", "fleet.ollama.load-timeout=5m",
				"fleet.ollama.generation-timeout=15s", "fleet.ollama.max-num-ctx=32768")
			.run((context) -> {
				OllamaProperties properties = context.getBean(OllamaProperties.class);
				assertThat(properties.baseUrl()).isEqualTo(URI.create("http://gpu-7.internal:11434"));
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(properties.keepAlive()).isEqualTo("1h30m");
				assertThat(properties.loadTimeout()).isEqualTo(Duration.ofMinutes(5));
				assertThat(properties.generationTimeout()).isEqualTo(Duration.ofSeconds(15));
				assertThat(properties.maxNumCtx()).isEqualTo(32768);
			});
	}

	@Test
	void baseUrlWithoutSchemeStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.ollama.base-url=localhost:11434")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("fleet.ollama.base-url")
				.hasMessageContaining("'localhost:11434'"));
	}

	@Test
	void keepAliveThatIsNoDurationStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.ollama.keep-alive=forever")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("keepAlive")
				.hasMessageContaining("forever"));
	}

	@Test
	void zeroConnectTimeoutStopsStartUp() {
		this.runner.withPropertyValues("fleet.ollama.connect-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("connectTimeout"));
	}

	@Test
	void zeroLoadTimeoutStopsStartUp() {
		this.runner.withPropertyValues("fleet.ollama.load-timeout=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("loadTimeout"));
	}

	@Test
	void tinyMaxNumCtxStopsStartUpQuotingIt() {
		this.runner.withPropertyValues("fleet.ollama.max-num-ctx=16")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("maxNumCtx")
				.hasMessageContaining("16"));
	}

}
