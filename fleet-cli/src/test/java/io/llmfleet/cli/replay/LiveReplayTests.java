package io.llmfleet.cli.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.cli.traffic.TrafficRecordsForTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LiveReplayTests {

	@Test
	void twiceTheSpeedHalvesTheRecordedGapsAndARateSpacesEvenly() {
		List<TrafficRecord> traffic = TrafficRecordsForTests.createdAtMillis(0, 1000, 3000);

		assertThat(new LiveReplay.Pace(2.0, null).offsets(traffic)).containsExactly(0, 500_000_000L, 1_500_000_000L);
		assertThat(new LiveReplay.Pace(null, 4.0).offsets(traffic)).containsExactly(0, 250_000_000L, 500_000_000L);
	}

	@Test
	void aPaceNeedsExactlyOnePositiveSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LiveReplay.Pace(null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new LiveReplay.Pace(2.0, 3.0));
		assertThatIllegalArgumentException().isThrownBy(() -> new LiveReplay.Pace(0.0, null))
			.withMessageContaining("positive");
	}

	@Test
	void statisticsCountStatusesTiersAndLostRequestsAndTakePercentiles() {
		List<ReplayStats.Outcome> outcomes = new java.util.ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			outcomes.add(new ReplayStats.Outcome((i % 10 == 0) ? "FAILED" : "OK", (i % 2 == 0) ? "fast" : "code", i));
		}
		outcomes.add(new ReplayStats.Outcome(null, null, -1));

		ReplayStats stats = ReplayStats.of(outcomes, 10.0, 10.0);

		assertThat(stats.byStatus()).isEqualTo(Map.of("OK", 90, "FAILED", 10));
		assertThat(stats.byTier()).isEqualTo(Map.of("fast", 50, "code", 50));
		assertThat(stats.lost()).isEqualTo(1);
		assertThat(stats.achievedRate()).isEqualTo(10.0);
		StringWriter text = new StringWriter();
		stats.print(new PrintWriter(text));
		assertThat(text.toString()).contains("p50 50 ms, p95 95 ms, p99 99 ms, max 100 ms").contains("lost 1");
	}

}
