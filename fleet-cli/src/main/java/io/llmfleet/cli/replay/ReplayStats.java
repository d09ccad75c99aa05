package io.llmfleet.cli.replay;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a live replay achieved: its sending rate against the target, results by status and
 * tier, requests without any result (lost), and latency percentiles as the client saw
 * them (submission to result).
 *
 * @param sent requests sent
 * @param sendSeconds from the first send to the last
 * @param targetRate the rate the pace asked for (requests per second)
 * @param byStatus results by status
 * @param byTier results by tier
 * @param lost requests without a result
 * @param latencies sorted client-side latencies in ms of the requests with a result
 */
public record ReplayStats(int sent, double sendSeconds, double targetRate, Map<String, Integer> byStatus,
		Map<String, Integer> byTier, int lost, List<Long> latencies) {

	/**
	 * One replayed request's end.
	 *
	 * @param status its result's status; null when none came
	 * @param tier its result's tier, or null
	 * @param latencyMs submission to result
	 */
	public record Outcome(String status, String tier, long latencyMs) {
	}

	static ReplayStats of(List<Outcome> outcomes, double sendSeconds, double targetRate) {
		Map<String, Integer> byStatus = new TreeMap<>();
		Map<String, Integer> byTier = new TreeMap<>();
		int lost = 0;
		for (Outcome outcome : outcomes) {
			if (outcome.status() == null) {
				lost++;
				continue;
			}
			byStatus.merge(outcome.status(), 1, Integer::sum);
			byTier.merge((outcome.tier() != null) ? outcome.tier() : "-", 1, Integer::sum);
		}
		List<Long> latencies = outcomes.stream()
			.filter((outcome) -> outcome.status() != null)
			.map(Outcome::latencyMs)
			.sorted()
			.toList();
		return new ReplayStats(outcomes.size(), sendSeconds, targetRate, byStatus, byTier, lost, latencies);
	}

	/** Requests per second actually sent: intervals between the first and last send. */
	public double achievedRate() {
		return (this.sendSeconds > 0) ? (this.sent - 1) / this.sendSeconds : Double.NaN;
	}

	/** Prints the figures. */
	public void print(PrintWriter out) {
		out.printf(Locale.ROOT, "sent       %d requests in %.1f s: %.1f/s achieved, %.1f/s target%n", this.sent,
				this.sendSeconds, achievedRate(), this.targetRate);
		out.printf("results    %d, lost %d%n", this.sent - this.lost, this.lost);
		this.byStatus.forEach((status, count) -> out.printf("  %-10s %6d%n", status, count));
		out.print("tiers     ");
		this.byTier.forEach((tier, count) -> out.printf(" %s %d;", tier, count));
		out.println();
		out.printf("latency    p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (client: submission to result)%n",
				Percentiles.of(this.latencies, 0.50), Percentiles.of(this.latencies, 0.95),
				Percentiles.of(this.latencies, 0.99), Percentiles.of(this.latencies, 1.0));
		out.flush();
	}

}
