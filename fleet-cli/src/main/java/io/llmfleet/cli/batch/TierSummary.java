package io.llmfleet.cli.batch;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;

/**
 * Per-tier figures of a finished batch: requests, how many came back OK, the models that
 * served them, and p50/p95 of end-to-end latency (creation to result).
 */
public final class TierSummary {

	private TierSummary() {
	}

	/**
	 * Figures of one tier.
	 *
	 * @param tier the tier ({@code -} for results without one, such as rejections)
	 * @param count results in the tier
	 * @param ok results with status OK
	 * @param models the models that served the tier
	 * @param p50Ms median end-to-end latency
	 * @param p95Ms 95th percentile end-to-end latency
	 */
	public record Row(String tier, int count, int ok, List<String> models, long p50Ms, long p95Ms) {
	}

	/** The rows, one per tier, in tier-name order. */
	public static List<Row> of(List<BatchRunner.Outcome> outcomes) {
		Map<String, List<InferenceResult>> byTier = new TreeMap<>();
		for (BatchRunner.Outcome outcome : outcomes) {
			InferenceResult result = outcome.result();
			String tier = (result != null && result.getTier() != null) ? result.getTier() : "-";
			byTier.computeIfAbsent(tier, (key) -> new ArrayList<>()).add(result);
		}
		List<Row> rows = new ArrayList<>();
		byTier.forEach((tier, results) -> {
			List<Long> latencies = results.stream()
				.filter((result) -> result != null && result.getTimings().getTotalMs() != null)
				.map((result) -> result.getTimings().getTotalMs())
				.sorted()
				.toList();
			int ok = (int) results.stream().filter((r) -> r != null && r.getStatus() == ResultStatus.OK).count();
			TreeSet<String> models = new TreeSet<>();
			results.stream()
				.filter((r) -> r != null && r.getModelId() != null)
				.forEach((r) -> models.add(r.getModelId()));
			rows.add(new Row(tier, results.size(), ok, List.copyOf(models), percentile(latencies, 0.50),
					percentile(latencies, 0.95)));
		});
		return rows;
	}

	/** Prints the rows as a table. */
	public static void print(List<Row> rows, PrintStream out) {
		PrintWriter writer = new PrintWriter(out);
		print(rows, writer);
		writer.flush();
	}

	/** Prints the rows as a table. */
	public static void print(List<Row> rows, PrintWriter out) {
		out.printf("%-8s %6s %6s %9s %9s  %s%n", "tier", "count", "ok", "p50 ms", "p95 ms", "models");
		for (Row row : rows) {
			out.printf("%-8s %6d %6d %9d %9d  %s%n", row.tier(), row.count(), row.ok(), row.p50Ms(), row.p95Ms(),
					String.join(", ", row.models()));
		}
	}

	static long percentile(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

}
