package io.llmfleet.simulator;

import java.time.Duration;

import io.llmfleet.simulator.fault.Fault;
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
	void readsModelLoadingAndFaultOptions() {
		SimulatorSettings settings = BackendSimulatorMain
			.parse(new String[] { "--load-ms", "1500", "--model-vram", "llama3.2:3b=3.2GB", "--model-vram",
					"mistral=4GiB", "--ollama-fault", "error,status=503,times=2", "--ollama-fault",
					"{\"kind\": \"hang\", \"model\": \"mistral\"}", "--vllm-fault", "disconnect,after_chunks=3" });
		assertThat(settings.ollamaLoadTime()).isEqualTo(Duration.ofMillis(1500));
		assertThat(settings.modelVram()).containsEntry("llama3.2:3b", 3_200_000_000L)
			.containsEntry("mistral", 4L * 1024 * 1024 * 1024);
		assertThat(settings.ollamaFaults()).containsExactly(Fault.error(503).withTimes(2),
				Fault.hang().forModel("mistral"));
		assertThat(settings.vllmFaults()).containsExactly(Fault.disconnectAfter(3));
	}

	@Test
	void readsSizesWithAndWithoutUnits() {
		assertThat(BackendSimulatorMain.bytes("5000000000")).isEqualTo(5_000_000_000L);
		assertThat(BackendSimulatorMain.bytes("4.7GB")).isEqualTo(4_700_000_000L);
		assertThat(BackendSimulatorMain.bytes("512 MiB")).isEqualTo(512L * 1024 * 1024);
		assertThatIllegalArgumentException().isThrownBy(() -> BackendSimulatorMain.bytes("big"))
			.withMessage("--model-vram needs a size such as 4.7GB or 3GiB but got \"big\"");
	}

	@Test
	void badFaultIsQuoted() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BackendSimulatorMain.parse(new String[] { "--vllm-fault", "flaky" }))
			.withMessageStartingWith("unknown fault kind \"flaky\"");
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
