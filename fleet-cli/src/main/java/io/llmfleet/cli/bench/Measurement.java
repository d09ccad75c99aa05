package io.llmfleet.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The figures of one measured run against one target, or of several rounds of it pooled:
 * counts summed, latency samples pooled, the rate of the median round.
 */
public final class Measurement {

	private final String target;

	private final Counts counts;

	private final long[] nanos;

	private final LatencySummary latency;

	private final double seconds;

	private final double perSecond;

	private final List<Double> roundRates;

	private final String firstFailure;

	/**
	 * A measurement.
	 * @param target the target's name
	 * @param counts what happened to every request, warm-up included
	 * @param nanos latency samples of the measured requests (for a throughput run: under
	 * that load)
	 * @param seconds how long the measured requests took, first sent to last answered
	 * @param perSecond successful results per second
	 * @param roundRates the rate of each round pooled into this one
	 * @param firstFailure the first failure seen, or null
	 */
	Measurement(String target, Counts counts, long[] nanos, double seconds, double perSecond, List<Double> roundRates,
			String firstFailure) {
		this.target = target;
		this.counts = counts;
		this.nanos = nanos.clone();
		this.latency = (nanos.length > 0) ? LatencySummary.ofNanos(nanos) : null;
		this.seconds = seconds;
		this.perSecond = perSecond;
		this.roundRates = List.copyOf(roundRates);
		this.firstFailure = firstFailure;
	}

	/** One round's measurement. */
	static Measurement of(String target, Counts counts, long[] nanos, double seconds, double perSecond,
			String firstFailure) {
		return new Measurement(target, counts, nanos, seconds, perSecond, List.of(perSecond), firstFailure);
	}

	/**
	 * Rounds of one target pooled: counts summed, latency samples pooled, time summed,
	 * and the median round's rate (the lower middle one for an even count).
	 * @param rounds at least one round, of one target
	 * @return the pooled measurement
	 */
	public static Measurement pooled(List<Measurement> rounds) {
		if (rounds.isEmpty()) {
			throw new IllegalArgumentException("No rounds to pool");
		}
		long sent = 0;
		long received = 0;
		long failed = 0;
		long duplicates = 0;
		double seconds = 0;
		List<long[]> samples = new ArrayList<>();
		List<Double> rates = new ArrayList<>();
		String firstFailure = null;
		for (Measurement round : rounds) {
			sent += round.counts.sent();
			received += round.counts.received();
			failed += round.counts.failed();
			duplicates = (duplicates < 0 || round.counts.duplicates() < 0) ? -1
					: duplicates + round.counts.duplicates();
			seconds += round.seconds;
			samples.add(round.nanos);
			rates.addAll(round.roundRates);
			firstFailure = (firstFailure != null) ? firstFailure : round.firstFailure;
		}
		long[] pooled = samples.stream().flatMapToLong(Arrays::stream).toArray();
		double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return new Measurement(rounds.get(0).target, new Counts(sent, received, failed, duplicates), pooled, seconds,
				sorted[(sorted.length - 1) / 2], rates, firstFailure);
	}

	/** The target's name. */
	public String target() {
		return this.target;
	}

	/** What happened to every request, warm-up included. */
	public Counts counts() {
		return this.counts;
	}

	/** Latency of the measured requests; null when none completed. */
	public LatencySummary latency() {
		return this.latency;
	}

	/** How long the measured requests took, first sent to last answered. */
	public double seconds() {
		return this.seconds;
	}

	/** Successful results per second (of the median round, when pooled). */
	public double perSecond() {
		return this.perSecond;
	}

	/** The rate of each round. */
	public List<Double> roundRates() {
		return this.roundRates;
	}

	/** The first failure seen, or null. */
	public String firstFailure() {
		return this.firstFailure;
	}

	/**
	 * Throws unless every request got a successful result.
	 * @param run what was measured, for the message
	 * @throws LostRequestsException when one did not
	 */
	public void requireComplete(String run) {
		this.counts.requireComplete(run + " (" + this.target + ")", this.firstFailure);
	}

}
