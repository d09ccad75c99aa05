package io.llmfleet.cli.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadDriverTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void latencyRunTimesOnlyTheRequestsAfterWarmUp() {
		Answering target = new Answering(this.executor, 0);
		Measurement run = LoadDriver.latency(target, 5, 20, TIMEOUT);
		assertThat(run.counts()).isEqualTo(new Counts(25, 25, 0, -1));
		assertThat(run.latency().count()).isEqualTo(20);
		assertThat(run.latency().p50Ms()).isPositive();
		assertThat(target.maxInFlight.get()).isEqualTo(1);
		assertThat(run.firstFailure()).isNull();
	}

	@Test
	void throughputRunKeepsTheWindowAndCountsEveryRequest() {
		Answering target = new Answering(this.executor, 0);
		Measurement run = LoadDriver.throughput(target, 30, 300, 16, TIMEOUT);
		assertThat(run.counts()).isEqualTo(new Counts(330, 330, 0, -1));
		assertThat(target.maxInFlight.get()).isBetween(1, 16);
		assertThat(run.latency().count()).isEqualTo(300);
		assertThat(run.perSecond()).isPositive();
		assertThat(run.seconds()).isPositive();
	}

	@Test
	void failedResultsAreReceivedButFailTheRun() {
		Answering target = new Answering(this.executor, 4);
		Measurement run = LoadDriver.throughput(target, 0, 40, 8, TIMEOUT);
		assertThat(run.counts()).isEqualTo(new Counts(40, 40, 10, -1));
		assertThat(run.latency().count()).isEqualTo(30);
		assertThat(run.firstFailure()).startsWith("request ");
		assertThatThrownBy(() -> run.requireComplete("throughput")).isInstanceOf(LostRequestsException.class)
			.hasMessageContaining("10 failed");
	}

	@Test
	void unansweredRequestsAreReportedLostWhenTheRunTimesOut() {
		BenchTarget silent = new BenchTarget() {

			@Override
			public String name() {
				return "silent";
			}

			@Override
			public CompletableFuture<Void> submit(long sequence) {
				return new CompletableFuture<>();
			}

		};
		Measurement latency = LoadDriver.latency(silent, 0, 10, Duration.ofMillis(200));
		assertThat(latency.counts()).isEqualTo(new Counts(1, 0, 0, -1));
		assertThat(latency.latency()).isNull();
		Measurement throughput = LoadDriver.throughput(silent, 0, 10, 4, Duration.ofMillis(200));
		assertThat(throughput.counts().sent()).isEqualTo(4);
		assertThat(throughput.counts().lost()).isEqualTo(4);
		assertThatThrownBy(() -> throughput.requireComplete("throughput")).isInstanceOf(LostRequestsException.class)
			.hasMessageContaining("4 lost");
	}

	/**
	 * Answers every request on another thread; every {@code failEvery}-th one (when not
	 * 0) with a failure.
	 */
	private static final class Answering implements BenchTarget {

		final AtomicInteger inFlight = new AtomicInteger();

		final AtomicInteger maxInFlight = new AtomicInteger();

		private final ExecutorService executor;

		private final int failEvery;

		Answering(ExecutorService executor, int failEvery) {
			this.executor = executor;
			this.failEvery = failEvery;
		}

		@Override
		public String name() {
			return "answering";
		}

		@Override
		public CompletableFuture<Void> submit(long sequence) {
			this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			return CompletableFuture.runAsync(() -> {
				this.inFlight.decrementAndGet();
				if (this.failEvery > 0 && sequence % this.failEvery == 0) {
					throw new IllegalStateException("request " + sequence + " failed");
				}
			}, this.executor);
		}

	}

}
