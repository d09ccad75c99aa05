package io.llmfleet.simulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseClockTests {

	@Test
	void instantClockHasNothingToWaitFor() throws InterruptedException {
		assertThat(LatencyModel.instant().offsetOfToken(10_000)).isEqualTo(Duration.ZERO);
		ResponseClock.start(LatencyModel.instant()).awaitAll(10_000);
	}

	@Test
	void tokensAreDueAtFirstTokenDelayPlusDecodeTime() throws InterruptedException {
		ResponseClock clock = ResponseClock.start(new LatencyModel(Duration.ofMillis(30), 200));
		clock.awaitToken(0);
		assertThat(clock.timeToFirstToken()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
		clock.awaitToken(4);
		// Deadlines count from the start, so a late first token does not push the rest
		// back:
		// only these lower bounds hold on a loaded machine.
		assertThat(clock.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
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
