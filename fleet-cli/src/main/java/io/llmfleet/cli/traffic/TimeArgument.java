package io.llmfleet.cli.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time on the command line: {@code now}; an instant
 * ({@code 2025-06-01T10:00:00Z} or with an offset); a local date-time or date in the
 * machine's zone ({@code 2025-06-01T10:00}, {@code 2025-06-01}); or a span before now
 * ({@code 15m}, {@code 2h}, {@code 1d}, {@code 30s}, or ISO-8601 {@code PT15M}).
 */
public final class TimeArgument {

	private static final Pattern AGO = Pattern.compile("-?(\\d+)\\s*(s|m|h|d)(?:\\s+ago)?");

	private TimeArgument() {
	}

	/**
	 * Parses {@code text} against {@code now}.
	 * @throws IllegalArgumentException quoting the text and the accepted forms
	 */
	public static Instant parse(String text, Instant now, ZoneId zone) {
		String value = text.trim();
		if (value.equalsIgnoreCase("now")) {
			return now;
		}
		Matcher ago = AGO.matcher(value.toLowerCase(Locale.ROOT));
		if (ago.matches()) {
			long amount = Long.parseLong(ago.group(1));
			Duration span = switch (ago.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
			return now.minus(span);
		}
		try {
			if (value.startsWith("P") || value.startsWith("-P")) {
				return now.minus(Duration.parse(value).abs());
			}
			if (value.endsWith("Z")) {
				return Instant.parse(value);
			}
			if (value.length() > 19 && (value.contains("+") || value.lastIndexOf('-') > 9)) {
				return OffsetDateTime.parse(value).toInstant();
			}
			if (value.contains("T")) {
				return LocalDateTime.parse(value).atZone(zone).toInstant();
			}
			return LocalDate.parse(value).atStartOfDay(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Cannot read the time '" + text
					+ "': give now, an instant (2025-06-01T10:00:00Z), a local date-time or date (2025-06-01T10:00, "
					+ "2025-06-01), or a span before now (15m, 2h, 1d, PT15M)");
		}
	}

}
