package io.llmfleet.classifier.evaluation;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints the figures of a set of predictions: overall accuracy, macro-F1, macro recall,
 * ECE, routing after the threshold, the confusion matrix, and a table per language,
 * category and source. For leave-one-source-out predictions it adds both readings of
 * "LOSO macro accuracy": the mean of per-source accuracies and the macro-averaged (per
 * tier) recall of all held-out predictions.
 */
public final class EvaluationReport {

	private final List<Prediction> predictions;

	private final List<String> tiers;

	private final double threshold;

	public EvaluationReport(List<Prediction> predictions, List<String> tiers, double threshold) {
		this.predictions = List.copyOf(predictions);
		this.tiers = List.copyOf(tiers);
		this.threshold = threshold;
	}

	/** The overall figures. */
	public RoutingMetrics overall() {
		return RoutingMetrics.of(this.predictions, this.tiers.size(), this.threshold);
	}

	/** The figures per value of {@code key}, in key order. */
	public Map<String, RoutingMetrics> by(Function<Prediction, String> key) {
		Map<String, List<Prediction>> groups = this.predictions.stream()
			.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
		Map<String, RoutingMetrics> metrics = new TreeMap<>();
		groups.forEach((name, group) -> metrics.put(name, RoutingMetrics.of(group, this.tiers.size(), this.threshold)));
		return metrics;
	}

	/** The mean over sources of each source's accuracy (most probable tier). */
	public double meanSourceAccuracy() {
		return by((p) -> p.row().source()).values().stream().mapToDouble(RoutingMetrics::accuracy).average().orElse(0);
	}

	/** The mean over sources of each source's routed accuracy (after the threshold). */
	public double meanSourceRoutedAccuracy() {
		return by((p) -> p.row().source()).values()
			.stream()
			.mapToDouble(RoutingMetrics::routedAccuracy)
			.average()
			.orElse(0);
	}

	/** Prints everything. */
	public void print(PrintStream out, boolean perSourceSummary) {
		RoutingMetrics all = overall();
		out.printf(Locale.ROOT, "rows %d, tiers %s, confidence threshold %.3f%n", all.count(), this.tiers,
				this.threshold);
		out.printf(Locale.ROOT, "accuracy %.4f  macro-F1 %.4f  macro recall %.4f  ECE %.4f%n", all.accuracy(),
				all.macroF1(), all.macroRecall(), all.ece());
		out.printf(Locale.ROOT,
				"routed (one tier heavier below the threshold): accuracy %.4f, macro recall %.4f, under-routing %.4f"
						+ " of %s prompts (%.4f of all), over-routing %.4f of all%n",
				all.routedAccuracy(), all.routedMacroRecall(), all.underRouted(),
				String.join("/", this.tiers.subList(1, this.tiers.size())), all.underRoutedOfAll(), all.overRouted());
		if (perSourceSummary) {
			out.printf(Locale.ROOT,
					"LOSO macro accuracy: mean of per-source accuracies %.4f (routed %.4f); macro (per-tier) recall"
							+ " of all held-out predictions %.4f (routed %.4f)%n",
					meanSourceAccuracy(), meanSourceRoutedAccuracy(), all.macroRecall(), all.routedMacroRecall());
		}
		out.println();
		out.println("confusion (rows: label, columns: most probable tier)");
		out.printf("%-10s", "");
		this.tiers.forEach((tier) -> out.printf("%8s", tier));
		out.println();
		for (int label = 0; label < this.tiers.size(); label++) {
			out.printf("%-10s", this.tiers.get(label));
			for (int predicted = 0; predicted < this.tiers.size(); predicted++) {
				out.printf("%8d", all.confusion()[label][predicted]);
			}
			out.println();
		}
		table(out, "language", by((p) -> p.row().language()));
		table(out, "category", by((p) -> p.row().tier() + "/" + p.row().category()));
		table(out, "source", by((p) -> p.row().source()));
	}

	private void table(PrintStream out, String name, Map<String, RoutingMetrics> groups) {
		out.println();
		out.printf(Locale.ROOT, "%-34s %5s %8s %8s %8s %8s %8s%n", "by " + name, "rows", "acc", "routed", "under",
				"over", "ECE");
		groups.forEach((key, m) -> out.printf(Locale.ROOT, "%-34s %5d %8.3f %8.3f %8.3f %8.3f %8.3f%n", key, m.count(),
				m.accuracy(), m.routedAccuracy(), m.underRoutedOfAll(), m.overRouted(), m.ece()));
	}

}
