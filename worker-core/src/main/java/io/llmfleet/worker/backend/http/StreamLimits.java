package io.llmfleet.worker.backend.http;

import java.time.Duration;

/**
 * How long one streamed exchange may take: as a whole, until its first line, and between
 * two lines once the first came. The first line of a completion stream comes with its
 * first token, so for a backend that loads models on demand (Ollama) the first-line limit
 * is its load timeout; the between-lines limit catches a generation that stalls long
 * before the whole call would time out.
 *
 * @param overall the whole exchange, first byte to last
 * @param firstLine until the first line of the response body arrives; counts from the
 * request
 * @param betweenLines the longest silence between two lines of the body
 */
public record StreamLimits(Duration overall, Duration firstLine, Duration betweenLines) {

	public StreamLimits {
		requirePositive("overall", overall);
		requirePositive("firstLine", firstLine);
		requirePositive("betweenLines", betweenLines);
	}

	/**
	 * Limits that bound the exchange as a whole only.
	 * @param overall the whole exchange
	 * @return the limits
	 */
	public static StreamLimits overall(Duration overall) {
		return new StreamLimits(overall, overall, overall);
	}

	private static void requirePositive(String name, Duration duration) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new IllegalArgumentException(name + " must be positive, was " + duration);
		}
	}

}
