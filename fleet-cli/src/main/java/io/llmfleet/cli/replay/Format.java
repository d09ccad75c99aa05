package io.llmfleet.cli.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Numbers and rows the Markdown and the HTML report share, so both say the same. */
final class Format {

	private Format() {
	}

	static String intro(ReplayReport report) {
		return String.format(Locale.ROOT,
				"%d recorded requests, %d with a production decision, replayed offline under **%s** (tier model %s,"
						+ " confidence threshold %s). A request the candidate sends to production's tier keeps its"
						+ " recorded model, cost and latency; one sent to another tier gets that tier's expectation:"
						+ " its models weighted as production used them, costs from the catalogue.",
				report.requests(), report.decided(), report.candidate(), report.classifier(),
				number(report.threshold()));
	}

	/** Label, production, candidate, change. */
	static List<List<String>> summaryRows(ReplayReport report) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("agreement with production decisions", "100%", percent(report.agreement()),
				report.agreed() + " of " + report.decided()));
		rows.add(List.of("estimated cost (catalogue weights)", cost(report.cost().before(), report.requests()),
				cost(report.cost().after(), report.requests()), change(report.cost().change())));
		rows.add(List.of("estimated mean latency", millis(report.latency().before()), millis(report.latency().after()),
				change(report.latency().change())));
		if (report.labels() != null) {
			ReplayReport.LabelScores labels = report.labels();
			rows.add(List.of("accuracy against labels (" + labels.labelled() + " labelled)",
					percent(labels.production().accuracy()), percent(labels.candidate().accuracy()),
					points(labels.candidate().accuracy() - labels.production().accuracy())));
			rows.add(List.of("under-routed (lighter than the label)", percent(labels.production().underRouted()),
					percent(labels.candidate().underRouted()),
					points(labels.candidate().underRouted() - labels.production().underRouted())));
			rows.add(List.of("over-routed (heavier than the label)", percent(labels.production().overRouted()),
					percent(labels.candidate().overRouted()),
					points(labels.candidate().overRouted() - labels.production().overRouted())));
		}
		rows.add(List.of("requests that changed tier", "", String.valueOf(report.changes().size()), ""));
		return rows;
	}

	/** The tiers, then any other keys either mix has. */
	static List<String> mixKeys(ReplayReport report) {
		List<String> keys = new ArrayList<>(report.tiers());
		for (String key : List.of(ReplayReport.NONE, ReplayReport.REJECTED)) {
			if (report.mixBefore().containsKey(key) || report.mixAfter().containsKey(key)) {
				keys.add(key);
			}
		}
		return keys;
	}

	static String percent(int count, int total) {
		return (total == 0) ? "0%" : percent((double) count / total);
	}

	static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	static String number(double value) {
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	private static String cost(Double total, int requests) {
		return (total == null) ? "n/a"
				: String.format(Locale.ROOT, "%.0f (%.2f per request)", total, total / Math.max(1, requests));
	}

	private static String millis(Double value) {
		return (value == null) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", value);
	}

	private static String change(Double change) {
		return (change == null) ? "" : String.format(Locale.ROOT, "%+.1f%%", change * 100);
	}

	private static String points(double difference) {
		return String.format(Locale.ROOT, "%+.1f pt", difference * 100);
	}

}
