package io.llmfleet.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a simulated backend takes to answer: a fixed delay before the first token
 * (prefill) and a steady decode rate after it. Both simulated servers pace every
 * response, streamed or not, with the same model, so a client sees the timing shape of a
 * real GPU backend.
 *
 * @param timeToFirstToken delay between receiving a request and producing its first token
 * @param tokensPerSecond decode rate after the first token;
 * {@code Double.POSITIVE_INFINITY} means no delay between tokens
 */
public record LatencyModel(Duration timeToFirstToken, double tokensPerSecond) {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	public LatencyModel {
		Objects.requireNonNull(timeToFirstToken, "timeToFirstToken");
		if (timeToFirstToken.isNegative()) {
			throw new IllegalArgumentException("timeToFirstToken must not be negative but was " + timeToFirstToken);
		}
		if (!(tokensPerSecond > 0)) {
			throw new IllegalArgumentException("tokensPerSecond must be positive but was " + tokensPerSecond);
		}
	}

	/**
	 * No delays at all, so benchmarks measure the fleet rather than the simulator.
	 * @return a model with zero time to first token and an unbounded decode rate
	 */
	public static LatencyModel instant() {
		return new LatencyModel(Duration.ZERO, Double.POSITIVE_INFINITY);
	}

	/**
	 * Roughly a 7-8B model on one data-centre GPU at low load.
	 * @return 150 ms to the first token, then 60 tokens per second
	 */
	public static LatencyModel realistic() {
		return new LatencyModel(Duration.ofMillis(150), 60);
	}

	/**
	 * The gap between two consecutive tokens after the first.
	 * @return the inter-token delay, zero for an unbounded rate
	 */
	public Duration interTokenDelay() {
		if (Double.isInfinite(this.tokensPerSecond)) {
			return Duration.ZERO;
		}
		return Duration.ofNanos(Math.round(NANOS_PER_SECOND / this.tokensPerSecond));
	}

	/**
	 * When token {@code index} (0-based) is due, counted from the start of the request.
	 * Computed from the start rather than from the previous token so sleeps never drift.
	 * @param index position of the token in the output
	 * @return the offset from the start of the request
	 */
	public Duration offsetOfToken(int index) {
		return this.timeToFirstToken.plus(interTokenDelay().multipliedBy(index));
	}

}
