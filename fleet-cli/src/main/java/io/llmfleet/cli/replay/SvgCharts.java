package io.llmfleet.cli.replay;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, drawn by hand so the report is one file that
 * opens anywhere with no script and nothing fetched: grouped bars and a heatmap, and the
 * frame, axis and text every chart shares ({@link CostQualityChart} too).
 */
final class SvgCharts {

	static final String PRODUCTION = "#8a8f98";

	static final String CANDIDATE = "#2f6fdf";

	static final int WIDTH = 560;

	static final int HEIGHT = 300;

	static final int LEFT = 56;

	static final int RIGHT = 16;

	static final int TOP = 34;

	static final int BOTTOM = 44;

	private SvgCharts() {
	}

	/** Vertical bars, one group per category, one bar per series. */
	static String groupedBars(String title, List<String> categories, List<String> series, double[][] values,
			List<String> colors) {
		double max = 0;
		for (double[] row : values) {
			for (double value : row) {
				max = Math.max(max, value);
			}
		}
		// Whole ticks: the bars count requests or milliseconds.
		double top = 4 * Math.max(1, niceStep(max / 4));
		StringBuilder svg = open(title);
		axisY(svg, 0, top, 4, "%.0f");
		double plotWidth = WIDTH - LEFT - RIGHT;
		double group = plotWidth / Math.max(1, categories.size());
		double bar = group * 0.8 / series.size();
		// Labels too long to sit level beside their neighbours go on two alternating
		// rows.
		boolean staggered = categories.stream().anyMatch((category) -> category.length() * 7 > group);
		for (int c = 0; c < categories.size(); c++) {
			double x0 = LEFT + c * group + group * 0.1;
			for (int s = 0; s < series.size(); s++) {
				double value = values[s][c];
				double h = (top == 0) ? 0 : value / top * (HEIGHT - TOP - BOTTOM);
				double x = x0 + s * bar;
				double y = HEIGHT - BOTTOM - h;
				svg.append(rect(x, y, bar - 2, h, colors.get(s)));
				svg.append(text(x + (bar - 2) / 2, y - 3, "middle", 10, String.format(Locale.ROOT, "%.0f", value)));
			}
			svg.append(text(LEFT + c * group + group / 2, HEIGHT - BOTTOM + 14 + (staggered ? (c % 2) * 13 : 2),
					"middle", staggered ? 10 : 12, categories.get(c)));
		}
		legend(svg, series, colors);
		return svg.append("</svg>").toString();
	}

	/**
	 * A matrix of counts, darker for a larger share of its row; the diagonal outlined.
	 */
	static String heatmap(String title, List<String> tiers, int[][] counts, String rowsName, String columnsName) {
		int n = tiers.size();
		int cell = Math.min(80, (HEIGHT - TOP - BOTTOM) / Math.max(1, n));
		int left = 120;
		StringBuilder svg = open(title);
		for (int row = 0; row < n; row++) {
			int rowTotal = 0;
			for (int value : counts[row]) {
				rowTotal += value;
			}
			for (int column = 0; column < n; column++) {
				double share = (rowTotal == 0) ? 0 : (double) counts[row][column] / rowTotal;
				int x = left + column * cell;
				int y = TOP + row * cell;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>",
						x, y, cell, cell, blend(share), (row == column) ? "#222" : "#fff",
						(row == column) ? "2" : "1"));
				svg.append(text(x + cell / 2.0, y + cell / 2.0 + 4, "middle", 13, String.valueOf(counts[row][column]),
						(share > 0.55) ? "#fff" : "#222"));
			}
			svg.append(text(left - 8, TOP + row * cell + cell / 2.0 + 4, "end", 12, tiers.get(row)));
		}
		for (int column = 0; column < n; column++) {
			svg.append(text(left + column * cell + cell / 2.0, TOP + n * cell + 16, "middle", 12, tiers.get(column)));
		}
		svg.append(text(left + n * cell / 2.0, TOP + n * cell + 34, "middle", 11, columnsName + " →"));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"16\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s ↓</text>",
				TOP + n * cell / 2, TOP + n * cell / 2, HtmlReport.escape(rowsName)));
		return svg.append("</svg>").toString();
	}

	static StringBuilder open(String title) {
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
						+ "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" role=\"img\">",
				WIDTH, HEIGHT, WIDTH, HEIGHT));
		svg.append("<title>").append(HtmlReport.escape(title)).append("</title>");
		svg.append(text(LEFT, 18, "start", 14, title).replace("<text ", "<text font-weight=\"bold\" "));
		return svg;
	}

	static void axisY(StringBuilder svg, double from, double to, int intervals, String format) {
		for (int i = 0; i <= intervals; i++) {
			double value = from + (to - from) * i / intervals;
			double y = HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * i / (double) intervals;
			svg.append(
					String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e3e5e8\"/>",
							LEFT, y, WIDTH - RIGHT, y));
			svg.append(text(LEFT - 6, y + 4, "end", 10, String.format(Locale.ROOT, format, value)));
		}
	}

	private static void legend(StringBuilder svg, List<String> series, List<String> colors) {
		int x = WIDTH - RIGHT - 110 * series.size();
		for (int s = 0; s < series.size(); s++) {
			svg.append(rect(x + s * 110, 8, 12, 12, colors.get(s)));
			svg.append(text(x + s * 110 + 16, 18, "start", 11, series.get(s)));
		}
	}

	private static String rect(double x, double y, double w, double h, String color) {
		return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x,
				y, Math.max(0, w), Math.max(0, h), color);
	}

	static String text(double x, double y, String anchor, int size, String content) {
		return text(x, y, anchor, size, content, "#222");
	}

	static String text(double x, double y, String anchor, int size, String content, String color) {
		return String.format(Locale.ROOT,
				"<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\">%s</text>", x, y, anchor,
				size, color, HtmlReport.escape(content));
	}

	/** White to the candidate's blue. */
	private static String blend(double share) {
		int r = (int) Math.round(255 + (47 - 255) * share);
		int g = (int) Math.round(255 + (111 - 255) * share);
		int b = (int) Math.round(255 + (223 - 255) * share);
		return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
	}

	/**
	 * The least round number (1, 1.2, 1.5, 2, 2.5, ... times a power of ten) at least
	 * {@code value}.
	 */
	private static double niceStep(double value) {
		if (value <= 0) {
			return 1;
		}
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

}
