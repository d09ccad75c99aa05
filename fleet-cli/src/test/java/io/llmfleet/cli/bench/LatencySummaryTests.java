package io.llmfleet.cli.bench;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LatencySummaryTests {

	private static final long MS = 1_000_000;

	@Test
	void percentilesAreNearestRankOverThousandSamples() {
		long[] sorted = LongStream.rangeClosed(1, 1000).toArray();
		assertThat(LatencySummary.percentile(sorted, 50)).isEqualTo(500);
		assertThat(LatencySummary.percentile(sorted, 99)).isEqualTo(990);
		assertThat(LatencySummary.percentile(sorted, 99.9)).isEqualTo(999);
		assertThat(LatencySummary.percentile(sorted, 100)).isEqualTo(1000);
	}

	@Test
	void smallSetsGiveObservedSamples() {
		long[] three = { 10, 20, 30 };
		assertThat(LatencySummary.percentile(three, 50)).isEqualTo(20);
		assertThat(LatencySummary.percentile(three, 99)).isEqualTo(30);
		assertThat(LatencySummary.percentile(new long[] { 7 }, 0.1)).isEqualTo(7);
		// Under 1,000 samples p99.9 is the largest.
		long[] hundred = LongStream.rangeClosed(1, 100).toArray();
		assertThat(LatencySummary.percentile(hundred, 99.9)).isEqualTo(100);
	}

	@Test
	void summaryOfUnsortedNanosIsInMillisAndLeavesInputAlone() {
		long[] nanos = { 3 * MS, 1 * MS, 2 * MS, 10 * MS };
		LatencySummary summary = LatencySummary.ofNanos(nanos);
		assertThat(summary.count()).isEqualTo(4);
		assertThat(summary.p50Ms()).isEqualTo(2.0);
		assertThat(summary.p99Ms()).isEqualTo(10.0);
		assertThat(summary.p999Ms()).isEqualTo(10.0);
		assertThat(summary.maxMs()).isEqualTo(10.0);
		assertThat(summary.meanMs()).isCloseTo(4.0, within(1e-9));
		assertThat(nanos).containsExactly(3 * MS, 1 * MS, 2 * MS, 10 * MS);
	}

	@Test
	void noSamplesOrPercentileOutOfRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LatencySummary.ofNanos(new long[0]))
			.withMessageContaining("No latency samples");
		assertThatIllegalArgumentException().isThrownBy(() -> LatencySummary.percentile(new long[] { 1 }, 0))
			.withMessageContaining("(0, 100]");
		assertThatIllegalArgumentException().isThrownBy(() -> LatencySummary.percentile(new long[] { 1 }, 100.5));
	}

}
