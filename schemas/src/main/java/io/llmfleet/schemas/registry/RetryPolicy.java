package io.llmfleet.schemas.registry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently the registry client retries a call that failed for a reason
 * that may pass: a connection error or timeout, or HTTP 408, 429, 500, 502, 503 or 504.
 * The wait before retry {@code n} grows exponentially from {@code initialWait}, is capped
 * at {@code maxWait}, and is jittered down to half its value so that many clients
 * restarted together do not retry in step. Everything else (4xx, a TLS handshake failure)
 * fails at once.
 *
 * @param maxRetries retries after the first attempt; 0 disables retries
 * @param initialWait the wait before the first retry
 * @param maxWait the longest wait between two attempts
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

	/** Confluent's defaults: 3 retries, waits from 1 s, at most 20 s. */
	public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20));

	/** No retries at all. */
	public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

	public RetryPolicy {
		if (maxRetries < 0 || initialWait.isNegative() || maxWait.isNegative()) {
			throw new IllegalArgumentException("Retry policy needs maxRetries >= 0 and non-negative waits, got "
					+ maxRetries + ", " + initialWait + ", " + maxWait);
		}
	}

	/** Attempts in all, the first one included. */
	public int maxAttempts() {
		return this.maxRetries + 1;
	}

	/**
	 * The wait before a retry.
	 * @param retry the retry number, from 1
	 * @return a wait between half and all of
	 * {@code min(maxWait, initialWait * 2^(retry-1))}
	 */
	public Duration backoff(int retry) {
		double exponential = this.initialWait.toMillis() * Math.pow(2, Math.max(retry - 1, 0));
		long ceiling = (long) Math.min(this.maxWait.toMillis(), exponential);
		long half = ceiling / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
	}

}
