package io.llmfleet.dispatcher.health;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import io.llmfleet.dispatcher.DispatcherProperties.Breaker;
import io.llmfleet.schemas.ErrorKind;

import static io.llmfleet.dispatcher.Fleet.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ModelBreakersTests {

	private final ModelBreakers breakers = new ModelBreakers(
			new Breaker(50, 4, 4, Duration.ofMillis(200), 1, Duration.ofMinutes(1)));

	@Test
	void failuresReportedInOutcomesOpenTheModelsBreaker() {
		for (int i = 0; i < 4; i++) {
			this.breakers.record(outcome("m", ErrorKind.TIMEOUT, 100));
		}

		assertThat(this.breakers.isOpen("m")).isTrue();
		assertThat(this.breakers.tryPlace("m")).isFalse();
		assertThat(this.breakers.isOpen("other")).isFalse();
	}

	@Test
	void failuresThatAreTheRequestsFaultDoNotCount() {
		for (int i = 0; i < 8; i++) {
			this.breakers.record(outcome("m", (i % 2 == 0) ? ErrorKind.CONTEXT_LENGTH : ErrorKind.EXPIRED, 100));
		}

		assertThat(this.breakers.isOpen("m")).isFalse();
	}

	@Test
	void afterTheCoolDownOneProbeGoesThroughAndItsSuccessClosesTheBreaker() {
		for (int i = 0; i < 4; i++) {
			this.breakers.record(outcome("m", ErrorKind.CAPACITY, 100));
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.breakers.of("m").getState() == CircuitBreaker.State.HALF_OPEN);
		assertThat(this.breakers.tryPlace("m")).isTrue();
		assertThat(this.breakers.tryPlace("m")).as("a second request while the probe runs").isFalse();
		this.breakers.record(outcome("m", null, 100));

		assertThat(this.breakers.of("m").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void aFailedProbeOpensTheBreakerAgain() {
		for (int i = 0; i < 4; i++) {
			this.breakers.record(outcome("m", ErrorKind.CAPACITY, 100));
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.breakers.of("m").getState() == CircuitBreaker.State.HALF_OPEN);
		assertThat(this.breakers.tryPlace("m")).isTrue();

		this.breakers.record(outcome("m", ErrorKind.CAPACITY, 100));

		assertThat(this.breakers.isOpen("m")).isTrue();
	}

}
