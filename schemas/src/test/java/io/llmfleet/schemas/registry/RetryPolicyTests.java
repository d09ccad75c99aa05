package io.llmfleet.schemas.registry;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000));

	@RepeatedTest(20)
	void backoffDoublesWithJitterDownToHalf() {
		assertThat(this.policy.backoff(1).toMillis()).isBetween(50L, 100L);
		assertThat(this.policy.backoff(2).toMillis()).isBetween(100L, 200L);
		assertThat(this.policy.backoff(3).toMillis()).isBetween(200L, 400L);
	}

	@RepeatedTest(20)
	void backoffIsCappedAtTheMaximumWait() {
		assertThat(this.policy.backoff(60).toMillis()).isBetween(500L, 1000L);
	}

	@Test
	void attemptsCountTheFirstOne() {
		assertThat(this.policy.maxAttempts()).isEqualTo(6);
		assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
		assertThat(RetryPolicy.NONE.backoff(1)).isZero();
	}

	@Test
	void negativeSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
	}

}
