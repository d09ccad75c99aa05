package io.llmfleet.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseClockTests {

	@Test
	void instantClockNeverWaits() throws InterruptedException {
		ResponseClock clock = ResponseClock.start(LatencyModel.instant());
		clock.awaitAll(10_000);
		assertThat(clock.elapsed()).isLessThan(Duration.ofMillis(50));
	}

	@Test
	void tokensAreDueAtFirstTokenDelayPlusDecodeTime() throws InterruptedException {
		ResponseClock clock = ResponseClock.start(new LatencyModel(Duration.ofMillis(30), 200));
		clock.awaitToken(0);
		assertThat(clock.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
		clock.awaitToken(4);
		assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
		assertThat(clock.sinceFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
	}

	@Test
	void interruptStopsWaiting() {
		ResponseClock clock = ResponseClock.start(new LatencyModel(Duration.ofSeconds(10), 1));
		Thread.currentThread().interrupt();
		long start = System.nanoTime();
		try {
			clock.awaitToken(0);
		}
		catch (InterruptedException expected) {
			// the point of the test
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
	}

}
