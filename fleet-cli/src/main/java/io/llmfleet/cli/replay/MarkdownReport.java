package io.llmfleet.cli.replay;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReplayReport} as Markdown: summary, tables, and the changed requests.
 */
public final class MarkdownReport {

	private MarkdownReport() {
	}

	/**
	 * The report.
	 * @param maxChanged the most changed requests to list
	 */
	public static String render(ReplayReport report, int maxChanged) {
		StringBuilder md = new StringBuilder();
		md.append("# Replay evaluation: ").append(report.candidate()).append(" against production\n\n");
		md.append(Format.intro(report)).append("\n\n");
		md.append("## Summary\n\n| | production | candidate | change |\n| --- | ---: | ---: | ---: |\n");
		for (List<String> row : Format.summaryRows(report)) {
			md.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		md.append("\n## Tier mix\n\n| tier | production | candidate | change |\n| --- | ---: | ---: | ---: |\n");
		for (String tier : Format.mixKeys(report)) {
			int before = report.mixBefore().getOrDefault(tier, 0);
			int after = report.mixAfter().getOrDefault(tier, 0);
			md.append(String.format(Locale.ROOT, "| %s | %d (%s) | %d (%s) | %+d |%n", tier, before,
					Format.percent(before, report.requests()), after, Format.percent(after, report.requests()),
					after - before));
		}
		matrix(md, "Production (rows) against candidate (columns)", report.tiers(), report.confusion());
		if (report.labels() != null) {
			matrix(md, "Labels (rows) against candidate (columns)", report.tiers(), report.labels().confusion());
			matrix(md, "Labels (rows) against production (columns)", report.tiers(),
					report.labels().productionConfusion());
		}
		md.append("\n## Cost against quality\n\nThe candidate's model at each confidence threshold; quality is ")
			.append(report.sweep().quality())
			.append(".\n\n| policy | threshold | cost per request | quality |\n| --- | ---: | ---: | ---: |\n");
		point(md, report.sweep().production());
		point(md, report.sweep().candidate());
		report.sweep().points().forEach((point) -> point(md, point));
		md.append("\n## Recorded latency per model (OK results)\n\n")
			.append("| model | tier | cost | results | p50 ms | p95 ms | mean ms |\n")
			.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (ReplayReport.ModelLatency model : report.models()) {
			md.append(
					String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %.0f |%n", model.model(), model.tier(),
							Format.number(model.cost()), model.count(), model.p50Ms(), model.p95Ms(), model.meanMs()));
		}
		changes(md, report, maxChanged);
		return md.toString();
	}

	private static void matrix(StringBuilder md, String title, List<String> tiers, int[][] counts) {
		md.append("\n## ").append(title).append("\n\n| |");
		tiers.forEach((tier) -> md.append(' ').append(tier).append(" |"));
		md.append("\n| --- |");
		tiers.forEach((tier) -> md.append(" ---: |"));
		md.append('\n');
		for (int row = 0; row < tiers.size(); row++) {
			md.append("| **").append(tiers.get(row)).append("** |");
			for (int column = 0; column < tiers.size(); column++) {
				md.append(' ').append(counts[row][column]).append(" |");
			}
			md.append('\n');
		}
	}

	private static void point(StringBuilder md, ReplayReport.Point point) {
		md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.1f%% |%n", point.label(),
				Double.isNaN(point.threshold()) ? "as recorded" : Format.number(point.threshold()),
				point.costPerRequest(), point.quality() * 100));
	}

	private static void changes(StringBuilder md, ReplayReport report, int maxChanged) {
		List<ReplayReport.Change> changes = report.changes();
		md.append("\n## Requests that changed tier (").append(changes.size()).append(")\n\n");
		if (changes.isEmpty()) {
			md.append("None: the candidate routes every request as production did.\n");
			return;
		}
		md.append("| request | custom_id | production | candidate | confidence | label | prompt |\n")
			.append("| --- | --- | --- | --- | ---: | --- | --- |\n");
		for (ReplayReport.Change change : changes.subList(0, Math.min(maxChanged, changes.size()))) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", change.requestId(),
					cell(change.customId()), cell(change.from()), cell(change.to()),
					(change.confidence() != null) ? String.format(Locale.ROOT, "%.2f", change.confidence()) : "",
					cell(change.label()), cell(change.excerpt())));
		}
		if (changes.size() > maxChanged) {
			md.append("\n… and ").append(changes.size() - maxChanged).append(" more.\n");
		}
	}

	private static String cell(String text) {
		return (text == null) ? "" : text.replace("|", "\\|");
	}

}
