package io.llmfleet.cli.bench;

/**
 * The fleet's figures over the raw chain's, measured in the same phase of one run.
 *
 * @param phase the phase
 * @param fleet the fleet target's name
 * @param raw the raw chain's name
 * @param p50 fleet p50 latency over raw p50 latency
 * @param p99 fleet p99 latency over raw p99 latency
 * @param throughput fleet throughput over raw throughput
 * @param targeted whether the targets apply to this comparison (transactions off, against
 * the plain raw chain)
 */
public record Ratio(String phase, String fleet, String raw, double p50, double p99, double throughput,
		boolean targeted) {

	/** Fleet p50 at most this many times raw p50. */
	public static final double P50_TARGET = 2.0;

	/** Fleet p99 at most this many times raw p99. */
	public static final double P99_TARGET = 3.0;

	/** Fleet throughput at least this share of raw throughput. */
	public static final double THROUGHPUT_TARGET = 0.5;

	/** Two workers at least this many times the throughput of one. */
	public static final double SCALING_TARGET = 1.8;

	/**
	 * The ratios of two phases' figures.
	 * @return the ratios; NaN where a figure is missing
	 */
	static Ratio of(String phase, Measurement fleetLatency, Measurement rawLatency, Measurement fleetThroughput,
			Measurement rawThroughput, boolean targeted) {
		String fleet = (fleetLatency != null) ? fleetLatency.target() : fleetThroughput.target();
		String raw = (rawLatency != null) ? rawLatency.target() : rawThroughput.target();
		return new Ratio(phase, fleet, raw, divide(fleetLatency, rawLatency, true),
				divide(fleetLatency, rawLatency, false), throughput(fleetThroughput, rawThroughput), targeted);
	}

	private static double divide(Measurement fleet, Measurement raw, boolean p50) {
		if (fleet == null || raw == null || fleet.latency() == null || raw.latency() == null) {
			return Double.NaN;
		}
		return p50 ? fleet.latency().p50Ms() / raw.latency().p50Ms() : fleet.latency().p99Ms() / raw.latency().p99Ms();
	}

	private static double throughput(Measurement fleet, Measurement raw) {
		if (fleet == null || raw == null || raw.perSecond() <= 0) {
			return Double.NaN;
		}
		return fleet.perSecond() / raw.perSecond();
	}

	/** Whether the p50 ratio is within its target. */
	public boolean p50Met() {
		return this.p50 <= P50_TARGET;
	}

	/** Whether the p99 ratio is within its target. */
	public boolean p99Met() {
		return this.p99 <= P99_TARGET;
	}

	/** Whether the throughput ratio is within its target. */
	public boolean throughputMet() {
		return this.throughput >= THROUGHPUT_TARGET;
	}

}
