package io.llmfleet.cli.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives a {@link BenchTarget} in the two shapes the bench measures: one request in
 * flight at a time (latency at low load), and a bounded window of requests in flight over
 * a fixed count (the maximum sustained throughput, with latency under that load). Every
 * run is bounded by a timeout; requests still unanswered when it passes are reported
 * lost, never waited for.
 */
public final class LoadDriver {

	private LoadDriver() {
	}

	/**
	 * Sends {@code warmup} then {@code samples} requests one after the other, each once
	 * the previous one's result is in, and times the measured ones.
	 * @param target where to send
	 * @param warmup requests sent first and not timed
	 * @param samples requests timed
	 * @param timeout the longest the whole run may take
	 * @return the latency of the timed requests and the counts of all
	 */
	public static Measurement latency(BenchTarget target, int warmup, int samples, Duration timeout) {
		long duplicatesBefore = target.duplicates();
		long deadline = System.nanoTime() + timeout.toNanos();
		Tally tally = new Tally();
		long[] timed = new long[samples];
		int taken = 0;
		long measuredStart = 0;
		long measuredEnd = 0;
		for (int i = 0; i < warmup + samples; i++) {
			long start = System.nanoTime();
			if (i == warmup) {
				measuredStart = start;
			}
			tally.sent.incrementAndGet();
			CompletableFuture<Void> result = target.submit(i);
			try {
				result.get(Math.max(deadline - start, 0), TimeUnit.NANOSECONDS);
				long end = System.nanoTime();
				tally.ok.incrementAndGet();
				if (i >= warmup) {
					timed[taken++] = end - start;
					measuredEnd = end;
				}
			}
			catch (ExecutionException ex) {
				tally.failed(ex.getCause());
			}
			catch (TimeoutException ex) {
				break;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		double seconds = (taken > 0) ? (measuredEnd - measuredStart) / 1e9 : 0;
		return Measurement.of(target.name(), tally.counts(target, duplicatesBefore), Arrays.copyOf(timed, taken),
				seconds, (seconds > 0) ? taken / seconds : 0, tally.firstFailure.get());
	}

	/**
	 * Sends {@code warmup} then {@code count} requests keeping at most {@code window} in
	 * flight, and measures the rate of the counted ones from the first sent to the last
	 * answered.
	 * @param target where to send
	 * @param warmup requests sent first, with the same window, and not measured
	 * @param count requests measured
	 * @param window the most requests in flight at once
	 * @param timeout the longest the whole run may take
	 * @return the rate, the latency under that load and the counts of all requests
	 */
	public static Measurement throughput(BenchTarget target, int warmup, int count, int window, Duration timeout) {
		long duplicatesBefore = target.duplicates();
		long deadline = System.nanoTime() + timeout.toNanos();
		Tally tally = new Tally();
		if (warmup > 0 && !burst(target, warmup, window, deadline, tally, null)) {
			return Measurement.of(target.name(), tally.counts(target, duplicatesBefore), new long[0], 0, 0,
					tally.firstFailure.get());
		}
		long[] latencies = new long[count];
		AtomicLong lastAnswer = new AtomicLong();
		AtomicLong measuredOk = new AtomicLong();
		long start = System.nanoTime();
		burst(target, count, window, deadline, tally, (index, nanos) -> {
			latencies[index] = nanos;
			measuredOk.incrementAndGet();
			lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
		});
		long answered = measuredOk.get();
		long[] completed = Arrays.stream(latencies).filter((nanos) -> nanos > 0).toArray();
		double seconds = (lastAnswer.get() > 0) ? (lastAnswer.get() - start) / 1e9 : 0;
		return Measurement.of(target.name(), tally.counts(target, duplicatesBefore), completed, seconds,
				(seconds > 0) ? answered / seconds : 0, tally.firstFailure.get());
	}

	/**
	 * Sends {@code count} requests with at most {@code window} in flight and waits for
	 * their answers until {@code deadline}.
	 * @return whether every request was answered in time
	 */
	private static boolean burst(BenchTarget target, int count, int window, long deadline, Tally tally,
			Answered answered) {
		Semaphore inFlight = new Semaphore(window);
		try {
			for (int i = 0; i < count; i++) {
				if (!inFlight.tryAcquire(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS)) {
					return false;
				}
				int index = i;
				long sentAt = System.nanoTime();
				tally.sent.incrementAndGet();
				target.submit(i).whenComplete((done, failure) -> {
					if (failure == null) {
						tally.ok.incrementAndGet();
						if (answered != null) {
							answered.accept(index, Math.max(System.nanoTime() - sentAt, 1));
						}
					}
					else {
						tally.failed(failure);
					}
					inFlight.release();
				});
			}
			// Every permit back means every request answered.
			return inFlight.tryAcquire(window, Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@FunctionalInterface
	private interface Answered {

		void accept(int index, long nanos);

	}

	/** Counters shared with the threads that complete the results. */
	private static final class Tally {

		final AtomicLong sent = new AtomicLong();

		final AtomicLong ok = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final AtomicReference<String> firstFailure = new AtomicReference<>();

		void failed(Throwable failure) {
			this.failed.incrementAndGet();
			Throwable cause = (failure instanceof java.util.concurrent.CompletionException
					&& failure.getCause() != null) ? failure.getCause() : failure;
			this.firstFailure.compareAndSet(null, String.valueOf(cause.getMessage()));
		}

		Counts counts(BenchTarget target, long duplicatesBefore) {
			long ok = this.ok.get();
			long failed = this.failed.get();
			long duplicates = (duplicatesBefore >= 0) ? target.duplicates() - duplicatesBefore : -1;
			return new Counts(this.sent.get(), ok + failed, failed, duplicates);
		}

	}

}
