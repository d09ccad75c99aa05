package io.llmfleet.cli.traffic;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimeArgumentTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	private static final ZoneId ZONE = ZoneOffset.ofHours(2);

	@Test
	void everyAcceptedFormReadsAsTheInstantItMeans() {
		assertThat(parse("now")).isEqualTo(NOW);
		assertThat(parse("15m")).isEqualTo(NOW.minus(Duration.ofMinutes(15)));
		assertThat(parse("-2h")).isEqualTo(NOW.minus(Duration.ofHours(2)));
		assertThat(parse("1d ago")).isEqualTo(NOW.minus(Duration.ofDays(1)));
		assertThat(parse("PT30S")).isEqualTo(NOW.minusSeconds(30));
		assertThat(parse("2025-05-31T08:00:00Z")).isEqualTo(Instant.parse("2025-05-31T08:00:00Z"));
		assertThat(parse("2025-05-31T08:00:00-05:00")).isEqualTo(Instant.parse("2025-05-31T13:00:00Z"));
		assertThat(parse("2025-05-31T08:00")).isEqualTo(Instant.parse("2025-05-31T06:00:00Z"));
		assertThat(parse("2025-05-31")).isEqualTo(Instant.parse("2025-05-30T22:00:00Z"));
	}

	@Test
	void anUnreadableTimeIsQuotedWithTheFormsThatWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> parse("yesterday"))
			.withMessageContaining("'yesterday'")
			.withMessageContaining("15m");
	}

	private static Instant parse(String text) {
		return TimeArgument.parse(text, NOW, ZONE);
	}

}
