package io.llmfleet.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LatencyModelTests {

	@Test
	void instantModelHasNoDelayAnywhere() {
		LatencyModel instant = LatencyModel.instant();
		assertThat(instant.timeToFirstToken()).isZero();
		assertThat(instant.interTokenDelay()).isZero();
		assertThat(instant.offsetOfToken(1000)).isZero();
	}

	@Test
	void realisticModelWaits150MillisThenDecodesAt60TokensPerSecond() {
		LatencyModel realistic = LatencyModel.realistic();
		assertThat(realistic.timeToFirstToken()).isEqualTo(Duration.ofMillis(150));
		assertThat(realistic.tokensPerSecond()).isEqualTo(60);
		assertThat(realistic.interTokenDelay().toNanos()).isEqualTo(16_666_667L);
	}

	@Test
	void tokenOffsetIsFirstTokenDelayPlusOneGapPerEarlierToken() {
		LatencyModel model = new LatencyModel(Duration.ofMillis(100), 50);
		assertThat(model.offsetOfToken(0)).isEqualTo(Duration.ofMillis(100));
		assertThat(model.offsetOfToken(10)).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void rejectsNegativeFirstTokenDelayQuotingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LatencyModel(Duration.ofMillis(-1), 10))
			.withMessageContaining("PT-0.001S");
	}

	@Test
	void rejectsRateThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LatencyModel(Duration.ZERO, 0))
			.withMessageContaining("0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> new LatencyModel(Duration.ZERO, Double.NaN));
	}

}
