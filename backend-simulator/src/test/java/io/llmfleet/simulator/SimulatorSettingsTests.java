package io.llmfleet.simulator;

import java.time.Duration;
import java.util.List;

import io.llmfleet.simulator.fault.Fault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorSettingsTests {

	@Test
	void defaultsUseEphemeralPortsRealisticLatencyAndSomeModels() {
		SimulatorSettings defaults = SimulatorSettings.defaults();
		assertThat(defaults.ollamaPort()).isZero();
		assertThat(defaults.vllmPort()).isZero();
		assertThat(defaults.ollamaModels()).isNotEmpty();
		assertThat(defaults.vllmModels()).isNotEmpty();
		assertThat(defaults.latency()).isEqualTo(LatencyModel.realistic());
		assertThat(defaults.defaultMaxTokens()).isEqualTo(48);
		assertThat(defaults.maxModelLen()).isEqualTo(8192);
		assertThat(defaults.ollamaLoadTime()).isZero();
		assertThat(defaults.modelVram()).isEmpty();
		assertThat(defaults.ollamaFaults()).isEmpty();
		assertThat(defaults.vllmFaults()).isEmpty();
	}

	@Test
	void loadTimeVramAndFaultsAreSetPerServer() {
		SimulatorSettings changed = SimulatorSettings.defaults()
			.withOllamaLoadTime(Duration.ofSeconds(2))
			.withModelVram("llama3.2:3b", 3_200_000_000L)
			.withModelVram("qwen2.5-coder:7b", 5_000_000_000L)
			.withOllamaFaults(Fault.overloaded())
			.withVllmFaults(Fault.hang(), Fault.error(500));
		assertThat(changed.ollamaLoadTime()).isEqualTo(Duration.ofSeconds(2));
		assertThat(changed.modelVram()).containsEntry("llama3.2:3b", 3_200_000_000L)
			.containsEntry("qwen2.5-coder:7b", 5_000_000_000L);
		assertThat(changed.ollamaFaults()).containsExactly(Fault.overloaded());
		assertThat(changed.vllmFaults()).containsExactly(Fault.hang(), Fault.error(500));
		assertThat(changed.withLatency(LatencyModel.instant()).vllmFaults()).isEqualTo(changed.vllmFaults());
	}

	@Test
	void withersChangeOnlyTheirField() {
		SimulatorSettings changed = SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withOllamaModels(List.of("a"))
			.withMaxModelLen(100);
		assertThat(changed.latency()).isEqualTo(LatencyModel.instant());
		assertThat(changed.ollamaModels()).containsExactly("a");
		assertThat(changed.maxModelLen()).isEqualTo(100);
		assertThat(changed.vllmModels()).isEqualTo(SimulatorSettings.defaults().vllmModels());
	}

	@Test
	void sixArgumentConstructorUsesDefaultContextWindow() {
		SimulatorSettings settings = new SimulatorSettings(0, 0, List.of(), List.of(), LatencyModel.instant(), 8);
		assertThat(settings.maxModelLen()).isEqualTo(SimulatorSettings.DEFAULT_MAX_MODEL_LEN);
	}

	@Test
	void rejectsBadValuesQuotingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults().withVllmPort(70000))
			.withMessage("vllmPort must be between 0 and 65535 but was 70000");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults().withDefaultMaxTokens(0))
			.withMessageContaining("was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorSettings.defaults().withOllamaLoadTime(Duration.ofSeconds(-1)))
			.withMessage("ollamaLoadTime must not be negative but was PT-1S");
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults().withModelVram("m", 0))
			.withMessage("VRAM size of m must be positive but was 0");
	}

}
