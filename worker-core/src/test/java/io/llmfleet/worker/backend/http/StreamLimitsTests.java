package io.llmfleet.worker.backend.http;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamLimitsTests {

	@Test
	void anOverallLimitAloneBoundsEveryPart() {
		assertThat(StreamLimits.overall(Duration.ofSeconds(30)))
			.isEqualTo(new StreamLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)));
	}

	@Test
	void aLimitThatIsNotPositiveIsRefusedNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamLimits(Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(1)))
			.withMessage("firstLine must be positive, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamLimits(Duration.ofSeconds(30), Duration.ofSeconds(1), null))
			.withMessage("betweenLines must be positive, was null");
	}

}
