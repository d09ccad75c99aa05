package io.llmfleet.cli.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MeasurementTests {

	private static final long MS = 1_000_000;

	@Test
	void roundsPoolCountsAndSamplesAndTakeTheMedianRate() {
		Measurement first = Measurement.of("raw", new Counts(150, 150, 0, 1), new long[] { 1 * MS, 2 * MS }, 2.0, 600,
				null);
		Measurement second = Measurement.of("raw", new Counts(100, 99, 0, 0), new long[] { 3 * MS }, 1.5, 400, null);
		Measurement third = Measurement.of("raw", new Counts(100, 100, 1, 2), new long[] { 4 * MS }, 1.0, 500,
				"request 7 failed");
		Measurement pooled = Measurement.pooled(List.of(first, second, third));
		assertThat(pooled.target()).isEqualTo("raw");
		assertThat(pooled.counts()).isEqualTo(new Counts(350, 349, 1, 3));
		assertThat(pooled.latency().count()).isEqualTo(4);
		assertThat(pooled.latency().maxMs()).isEqualTo(4.0);
		assertThat(pooled.seconds()).isEqualTo(4.5);
		assertThat(pooled.perSecond()).isEqualTo(500);
		assertThat(pooled.roundRates()).containsExactly(600.0, 400.0, 500.0);
		assertThat(pooled.firstFailure()).isEqualTo("request 7 failed");
	}

	@Test
	void unknownDuplicatesStayUnknownAndAnEvenCountTakesTheLowerMiddle() {
		Measurement known = Measurement.of("fleet", new Counts(1, 1, 0, 0), new long[] { MS }, 1, 300, null);
		Measurement unknown = Measurement.of("fleet", new Counts(1, 1, 0, -1), new long[] { MS }, 1, 200, null);
		Measurement pooled = Measurement.pooled(List.of(known, unknown));
		assertThat(pooled.counts().duplicates()).isEqualTo(-1);
		assertThat(pooled.perSecond()).isEqualTo(200);
	}

	@Test
	void noSamplesMeansNoLatency() {
		assertThat(Measurement.of("fleet", new Counts(1, 0, 0, -1), new long[0], 0, 0, null).latency()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Measurement.pooled(List.of()));
	}

	@Test
	void roundsShareTheTotalWithTheRestInTheFirst() {
		assertThat(List.of(FleetBench.share(1000, 0, 3), FleetBench.share(1000, 1, 3), FleetBench.share(1000, 2, 3)))
			.containsExactly(334, 333, 333);
		assertThat(FleetBench.share(5, 0, 1)).isEqualTo(5);
	}

}
