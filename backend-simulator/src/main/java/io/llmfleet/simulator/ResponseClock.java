package io.llmfleet.simulator;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Paces one response by a {@link LatencyModel}: it starts when the request arrives and
 * sleeps the calling thread until each token is due. Deadlines are measured from the
 * start, so slow writes to the client do not add up to extra delay. One instance per
 * request; not shared between threads.
 */
public final class ResponseClock {

	private final LatencyModel latency;

	private final long startNanos;

	private long firstTokenNanos = -1;

	private ResponseClock(LatencyModel latency) {
		this.latency = latency;
		this.startNanos = System.nanoTime();
	}

	/**
	 * Starts a clock now.
	 * @param latency the pacing to apply
	 * @return the started clock
	 */
	public static ResponseClock start(LatencyModel latency) {
		return new ResponseClock(latency);
	}

	/**
	 * Waits until token {@code index} (0-based) is due.
	 * @param index position of the token in the answer
	 * @throws InterruptedException when the simulator shuts down while waiting
	 */
	public void awaitToken(int index) throws InterruptedException {
		long due = this.startNanos + this.latency.offsetOfToken(index).toNanos();
		for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
			LockSupport.parkNanos(left);
			if (Thread.interrupted()) {
				throw new InterruptedException("simulator stopped while pacing a response");
			}
		}
		if (index == 0) {
			this.firstTokenNanos = System.nanoTime();
		}
	}

	/**
	 * Waits until all tokens of an answer are due, for responses sent in one piece.
	 * @param tokens number of tokens in the answer
	 * @throws InterruptedException when the simulator shuts down while waiting
	 */
	public void awaitAll(int tokens) throws InterruptedException {
		awaitToken(0);
		if (tokens > 1) {
			awaitToken(tokens - 1);
		}
	}

	/**
	 * Time from the start to now.
	 * @return the elapsed time, at least one nanosecond
	 */
	public Duration elapsed() {
		return Duration.ofNanos(Math.max(1, System.nanoTime() - this.startNanos));
	}

	/**
	 * Time from the start to the first token (prefill), or to now when no token came yet.
	 * @return the time to first token, at least one nanosecond
	 */
	public Duration timeToFirstToken() {
		long end = (this.firstTokenNanos < 0) ? System.nanoTime() : this.firstTokenNanos;
		return Duration.ofNanos(Math.max(1, end - this.startNanos));
	}

	/**
	 * Time from the first token to now (decode).
	 * @return the decode time, at least one nanosecond
	 */
	public Duration sinceFirstToken() {
		long from = (this.firstTokenNanos < 0) ? System.nanoTime() : this.firstTokenNanos;
		return Duration.ofNanos(Math.max(1, System.nanoTime() - from));
	}

}
