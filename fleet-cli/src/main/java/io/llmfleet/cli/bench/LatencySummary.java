package io.llmfleet.cli.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latency samples, in milliseconds. Percentiles are nearest-rank:
 * the smallest sample that at least {@code p} percent of the samples do not exceed, so
 * every figure is a latency that was actually observed (with 1,000 samples p99.9 is the
 * second largest, with fewer than 1,000 it is the largest).
 *
 * @param count the number of samples
 * @param p50Ms the median
 * @param p99Ms the 99th percentile
 * @param p999Ms the 99.9th percentile
 * @param meanMs the arithmetic mean
 * @param maxMs the largest sample
 */
public record LatencySummary(int count, double p50Ms, double p99Ms, double p999Ms, double meanMs, double maxMs) {

	private static final double NANOS_PER_MILLI = 1_000_000.0;

	/**
	 * Summarises latency samples given in nanoseconds.
	 * @param nanos the samples, in any order; not modified
	 * @return the summary
	 * @throws IllegalArgumentException when there are no samples
	 */
	public static LatencySummary ofNanos(long[] nanos) {
		if (nanos.length == 0) {
			throw new IllegalArgumentException("No latency samples to summarise");
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double sum = 0;
		for (long sample : sorted) {
			sum += sample;
		}
		return new LatencySummary(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 99)),
				millis(percentile(sorted, 99.9)), sum / sorted.length / NANOS_PER_MILLI,
				millis(sorted[sorted.length - 1]));
	}

	/**
	 * The nearest-rank percentile of sorted samples: the sample at rank
	 * {@code ceil(p / 100 * n)} (1-based).
	 * @param sorted samples in ascending order, at least one
	 * @param p the percentile, above 0 and at most 100
	 * @return the sample at that rank
	 */
	public static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			throw new IllegalArgumentException("No samples");
		}
		if (!(p > 0 && p <= 100)) {
			throw new IllegalArgumentException("Percentile must be in (0, 100] but was " + p);
		}
		// The small tolerance keeps 99.9 / 100 * 1000 (999.0000000000001 in binary) at
		// rank 999.
		int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
		return sorted[Math.max(rank, 1) - 1];
	}

	private static double millis(long nanos) {
		return nanos / NANOS_PER_MILLI;
	}

}
