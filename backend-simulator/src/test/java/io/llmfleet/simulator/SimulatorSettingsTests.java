package io.llmfleet.simulator;

import java.util.List;

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
	}

}
