package io.llmfleet.simulator.ollama;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.llmfleet.simulator.http.HttpError;
import tools.jackson.databind.JsonNode;

/**
 * How long a model stays loaded after a request, Ollama's {@code keep_alive}: a number of
 * seconds or a Go duration string ({@code "5m"}, {@code "1h30m"}); negative means forever
 * and zero unloads at once.
 *
 * @param duration how long the model stays loaded; ignored when {@code forever}
 * @param forever whether the model never expires
 */
record KeepAlive(Duration duration, boolean forever) {

	/** Ollama's default when a request names none. */
	static final KeepAlive DEFAULT = new KeepAlive(Duration.ofMinutes(5), false);

	private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|\u00b5s|ms|s|m|h)");

	/**
	 * Whether the model is unloaded as soon as the request ends.
	 * @return true for a zero keep-alive
	 */
	boolean unloadsNow() {
		return !this.forever && this.duration.isZero();
	}

	/**
	 * Reads {@code keep_alive} from a request.
	 * @param value the field, missing or null for the default
	 * @return the keep-alive
	 * @throws HttpError 400 when the value is neither a number nor a duration
	 */
	static KeepAlive from(JsonNode value) {
		if (value == null || value.isMissingNode() || value.isNull()) {
			return DEFAULT;
		}
		if (value.isNumber()) {
			return ofSeconds(value.asDouble());
		}
		if (value.isString()) {
			return parse(value.asString());
		}
		throw HttpError.badRequest("invalid keep_alive: " + value);
	}

	private static KeepAlive parse(String text) {
		String trimmed = text.trim();
		try {
			return ofSeconds(Double.parseDouble(trimmed));
		}
		catch (NumberFormatException notANumber) {
			// not bare seconds: a Go duration such as 5m or 1h30m
		}
		boolean negative = trimmed.startsWith("-");
		String unsigned = negative ? trimmed.substring(1) : trimmed;
		Matcher part = PART.matcher(unsigned);
		long nanos = 0;
		int end = 0;
		while (part.lookingAt()) {
			nanos += Math.round(Double.parseDouble(part.group(1)) * unitNanos(part.group(2)));
			end = part.end();
			part.region(end, unsigned.length());
		}
		if (end == 0 || end != unsigned.length()) {
			throw HttpError.badRequest("time: invalid duration \"" + text + "\"");
		}
		return negative ? new KeepAlive(Duration.ZERO, true) : new KeepAlive(Duration.ofNanos(nanos), false);
	}

	private static KeepAlive ofSeconds(double seconds) {
		if (seconds < 0) {
			return new KeepAlive(Duration.ZERO, true);
		}
		return new KeepAlive(Duration.ofNanos(Math.round(seconds * 1e9)), false);
	}

	private static long unitNanos(String unit) {
		return switch (unit) {
			case "ns" -> 1L;
			case "us", "\u00b5s" -> 1_000L;
			case "ms" -> 1_000_000L;
			case "s" -> 1_000_000_000L;
			case "m" -> 60_000_000_000L;
			default -> 3_600_000_000_000L;
		};
	}

}
