package io.llmfleet.cli.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchReportTests {

	@Test
	void ratiosOfTheTransactionsOffPhaseAreJudgedAgainstTheTargets() {
		BenchReport report = new BenchReport();
		report.latency(FleetBench.TRANSACTIONS_OFF, latency(BenchReport.RAW, 1.0, 4.0));
		report.latency(FleetBench.TRANSACTIONS_OFF, latency(BenchReport.FLEET, 1.8, 13.0));
		report.throughput(FleetBench.TRANSACTIONS_OFF, rate(BenchReport.RAW, 1000));
		report.throughput(FleetBench.TRANSACTIONS_OFF, rate(BenchReport.FLEET, 600));
		Ratio ratio = report.ratios().get(0);
		assertThat(ratio.targeted()).isTrue();
		assertThat(ratio.p50()).isCloseTo(1.8, within(1e-9));
		assertThat(ratio.p99()).isCloseTo(3.25, within(1e-9));
		assertThat(ratio.throughput()).isCloseTo(0.6, within(1e-9));
		assertThat(ratio.p50Met()).isTrue();
		assertThat(ratio.p99Met()).isFalse();
		assertThat(ratio.throughputMet()).isTrue();
		assertThat(report.targetsMet()).isFalse();
		assertThat(report.render(List.of("header")))
			.contains("| transactions off | fleet / raw | 1.80x | 3.25x | 0.60x ")
			.contains("met / MISSED / met");
	}

	@Test
	void transactionsOnAreComparedWithBothRawChainsAndNotJudged() {
		BenchReport report = new BenchReport();
		report.latency(FleetBench.TRANSACTIONS_ON, latency(BenchReport.RAW, 1.0, 4.0));
		report.latency(FleetBench.TRANSACTIONS_ON, latency(BenchReport.RAW_TX, 5.0, 10.0));
		report.latency(FleetBench.TRANSACTIONS_ON, latency(BenchReport.FLEET, 10.0, 40.0));
		List<Ratio> ratios = report.ratios();
		assertThat(ratios).extracting(Ratio::raw).containsExactly(BenchReport.RAW, BenchReport.RAW_TX);
		assertThat(ratios).noneMatch(Ratio::targeted);
		assertThat(ratios.get(1).p50()).isCloseTo(2.0, within(1e-9));
		assertThat(ratios.get(1).throughput()).isNaN();
		assertThat(report.targetsMet()).isTrue();
		assertThat(report.render(List.of())).contains("reported beside");
	}

	@Test
	void scalingIsJudgedOnTwoWorkersOverOne() {
		BenchReport report = new BenchReport();
		report.scaling(1, rate(BenchReport.FLEET, 60));
		report.scaling(2, rate(BenchReport.FLEET, 100));
		report.scaling(4, rate(BenchReport.FLEET, 118));
		assertThat(report.scalingRatio())
			.hasValueSatisfying((ratio) -> assertThat(ratio).isCloseTo(1.667, within(1e-3)));
		assertThat(report.targetsMet()).isFalse();
		assertThat(report.render(List.of())).contains("| 4       | 118        | 1.97x        |")
			.contains("2 workers / 1 worker: 1.67x (target >= 1.8x: MISSED)");
	}

	/** 100 samples: 98 at p50, two at p99 (nearest rank: p99 is the 99th). */
	private static Measurement latency(String target, double p50, double p99) {
		long[] nanos = new long[100];
		for (int i = 0; i < nanos.length; i++) {
			nanos[i] = (long) (((i < 98) ? p50 : p99) * 1_000_000);
		}
		return Measurement.of(target, new Counts(100, 100, 0, 0), nanos, 1, 100, null);
	}

	private static Measurement rate(String target, double perSecond) {
		return Measurement.of(target, new Counts(100, 100, 0, 0), new long[] { 5_000_000 }, 1, perSecond, null);
	}

}
