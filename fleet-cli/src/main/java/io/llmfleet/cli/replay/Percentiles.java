package io.llmfleet.cli.replay;

import java.util.List;

/** Nearest-rank percentiles of sorted samples. */
public final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The {@code quantile} (0..1) of {@code sorted} by nearest rank; 0 when there are no
	 * samples.
	 */
	public static long of(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
