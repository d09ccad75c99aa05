package io.llmfleet.cli.replay;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReplayReport} as one self-contained HTML file: inline CSS, inline SVG
 * charts (tier mix, confusion heatmaps, cost against quality, latency per model), no
 * script and nothing fetched, so it can be mailed or attached to a ticket as it is.
 */
public final class HtmlReport {

	private static final String STYLE = """
			body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:24px auto;max-width:1180px;color:#222;
			background:#fff;font-size:14px}h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px}
			p.intro{color:#444;max-width:980px}table{border-collapse:collapse;margin:8px 0}
			td,th{border-bottom:1px solid #e3e5e8;padding:4px 10px;text-align:right}
			td:first-child,th:first-child{text-align:left}.charts{display:flex;flex-wrap:wrap;gap:18px}
			.chart{border:1px solid #e3e5e8;border-radius:6px;padding:6px}td.prompt{text-align:left;color:#555;
			max-width:420px}.up{color:#b3261e}.down{color:#1d7a3a}""";

	private HtmlReport() {
	}

	/**
	 * The report.
	 * @param maxChanged the most changed requests to list
	 */
	public static String render(ReplayReport report, int maxChanged) {
		StringBuilder html = new StringBuilder();
		html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Replay evaluation: ")
			.append(escape(report.candidate()))
			.append("</title><style>")
			.append(STYLE)
			.append("</style></head><body>\n");
		html.append("<h1>Replay evaluation: ").append(escape(report.candidate())).append(" against production</h1>");
		html.append("<p class=\"intro\">")
			.append(escape(Format.intro(report)).replace("**", ""))
			.append("</p>\n<h2>Summary</h2><table><tr><th></th><th>production</th><th>candidate</th><th>change</th></tr>");
		for (List<String> row : Format.summaryRows(report)) {
			html.append("<tr>");
			row.forEach((cell) -> html.append("<td>").append(escape(cell)).append("</td>"));
			html.append("</tr>");
		}
		html.append("</table>\n<div class=\"charts\">");
		chart(html, tierMix(report));
		chart(html, CostQualityChart.render("Cost against quality", report.sweep(), report.sweep().quality()));
		chart(html, SvgCharts.heatmap("Production against candidate", report.tiers(), report.confusion(), "production",
				"candidate"));
		if (report.labels() != null) {
			chart(html, SvgCharts.heatmap("Labels against candidate", report.tiers(), report.labels().confusion(),
					"label", "candidate"));
		}
		chart(html, latency(report));
		html.append("</div>\n");
		changes(html, report, maxChanged);
		return html.append("</body></html>\n").toString();
	}

	private static String tierMix(ReplayReport report) {
		List<String> keys = Format.mixKeys(report);
		double[][] values = new double[2][keys.size()];
		for (int i = 0; i < keys.size(); i++) {
			values[0][i] = report.mixBefore().getOrDefault(keys.get(i), 0);
			values[1][i] = report.mixAfter().getOrDefault(keys.get(i), 0);
		}
		return SvgCharts.groupedBars("Tier mix (requests)", keys, List.of("production", "candidate"), values,
				List.of(SvgCharts.PRODUCTION, SvgCharts.CANDIDATE));
	}

	private static String latency(ReplayReport report) {
		List<String> models = report.models().stream().map(ReplayReport.ModelLatency::model).toList();
		double[][] values = new double[2][models.size()];
		for (int i = 0; i < models.size(); i++) {
			values[0][i] = report.models().get(i).p50Ms();
			values[1][i] = report.models().get(i).p95Ms();
		}
		return SvgCharts.groupedBars("Recorded latency per model (ms)", models, List.of("p50", "p95"), values,
				List.of("#9bb7ee", SvgCharts.CANDIDATE));
	}

	private static void chart(StringBuilder html, String svg) {
		html.append("<div class=\"chart\">").append(svg).append("</div>");
	}

	private static void changes(StringBuilder html, ReplayReport report, int maxChanged) {
		List<ReplayReport.Change> changes = report.changes();
		html.append("<h2>Requests that changed tier (").append(changes.size()).append(")</h2>");
		if (changes.isEmpty()) {
			html.append("<p>None: the candidate routes every request as production did.</p>");
			return;
		}
		html.append("<table><tr><th>request</th><th>custom_id</th><th>production</th><th>candidate</th>")
			.append("<th>confidence</th><th>label</th><th>prompt</th></tr>");
		for (ReplayReport.Change change : changes.subList(0, Math.min(maxChanged, changes.size()))) {
			boolean heavier = report.tiers().indexOf(change.to()) > report.tiers().indexOf(change.from());
			html.append("<tr><td>")
				.append(escape(change.requestId()))
				.append("</td><td>")
				.append(escape(change.customId()))
				.append("</td><td>")
				.append(escape(change.from()))
				.append("</td><td class=\"")
				.append(heavier ? "up" : "down")
				.append("\">")
				.append(escape(change.to()))
				.append(heavier ? " ▲" : " ▼")
				.append("</td><td>")
				.append((change.confidence() != null) ? String.format(Locale.ROOT, "%.2f", change.confidence()) : "")
				.append("</td><td>")
				.append(escape(change.label()))
				.append("</td><td class=\"prompt\">")
				.append(escape(change.excerpt()))
				.append("</td></tr>");
		}
		html.append("</table>");
		if (changes.size() > maxChanged) {
			html.append("<p>… and ").append(changes.size() - maxChanged).append(" more.</p>");
		}
	}

	/** Text made safe for HTML and SVG. */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
