package io.llmfleet.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BackendSimulatorMainTests {

	@Test
	void withoutOptionsListensOnTheBackendsStandardPorts() {
		SimulatorSettings settings = BackendSimulatorMain.parse(new String[0]);
		assertThat(settings.ollamaPort()).isEqualTo(11434);
		assertThat(settings.vllmPort()).isEqualTo(8000);
	}

	@Test
	void readsEveryOption() {
		SimulatorSettings settings = BackendSimulatorMain.parse(new String[] { "--ollama-port", "0", "--vllm-port", "0",
				"--ollama-models", "a, b", "--vllm-models", "c", "--ttft-ms", "20", "--tokens-per-second", "100",
				"--max-tokens", "12", "--max-model-len", "512" });
		assertThat(settings.ollamaModels()).containsExactly("a", "b");
		assertThat(settings.vllmModels()).containsExactly("c");
		assertThat(settings.latency()).isEqualTo(new LatencyModel(Duration.ofMillis(20), 100));
		assertThat(settings.defaultMaxTokens()).isEqualTo(12);
		assertThat(settings.maxModelLen()).isEqualTo(512);
	}

	@Test
	void instantFlagRemovesAllDelays() {
		assertThat(BackendSimulatorMain.parse(new String[] { "--instant" }).latency())
			.isEqualTo(LatencyModel.instant());
	}

	@Test
	void badValueIsQuoted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BackendSimulatorMain.parse(new String[] { "--ttft-ms", "soon" }))
			.withMessage("--ttft-ms needs a whole number but got \"soon\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BackendSimulatorMain.parse(new String[] { "--nope", "1" }))
			.withMessage("unknown option --nope");
	}

}
