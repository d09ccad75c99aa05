package io.llmfleet.cli.replay;

import java.util.List;
import java.util.Locale;

import static io.llmfleet.cli.replay.SvgCharts.BOTTOM;
import static io.llmfleet.cli.replay.SvgCharts.CANDIDATE;
import static io.llmfleet.cli.replay.SvgCharts.HEIGHT;
import static io.llmfleet.cli.replay.SvgCharts.LEFT;
import static io.llmfleet.cli.replay.SvgCharts.PRODUCTION;
import static io.llmfleet.cli.replay.SvgCharts.RIGHT;
import static io.llmfleet.cli.replay.SvgCharts.TOP;
import static io.llmfleet.cli.replay.SvgCharts.WIDTH;
import static io.llmfleet.cli.replay.SvgCharts.axisY;
import static io.llmfleet.cli.replay.SvgCharts.open;
import static io.llmfleet.cli.replay.SvgCharts.text;

/**
 * The cost-against-quality chart: estimated cost per request (x) against quality (y) of
 * the candidate's model over confidence thresholds, a line of points, with production and
 * the candidate as larger markers.
 */
final class CostQualityChart {

	private CostQualityChart() {
	}

	/**
	 * Cost (x) against quality (y): the threshold sweep as a line of points, production
	 * and the candidate as larger markers.
	 */
	static String render(String title, ReplayReport.Sweep sweep, String qualityName) {
		double minX = sweep.production().costPerRequest();
		double maxX = minX;
		double minY = sweep.production().quality();
		for (ReplayReport.Point point : sweep.points()) {
			minX = Math.min(minX, point.costPerRequest());
			maxX = Math.max(maxX, point.costPerRequest());
			minY = Math.min(minY, point.quality());
		}
		minX = Math.min(minX, sweep.candidate().costPerRequest());
		maxX = Math.max(maxX, sweep.candidate().costPerRequest());
		minY = Math.min(minY, sweep.candidate().quality());
		double padX = Math.max((maxX - minX) * 0.08, 0.05);
		double x0 = Math.max(0, minX - padX);
		double x1 = maxX + padX;
		double y0 = Math.max(0, Math.floor((minY - 0.05) * 10) / 10);
		double y1 = 1.0;
		StringBuilder svg = open(title);
		int intervals = (int) Math.round((y1 - y0) / ((y1 - y0 > 0.4) ? 0.1 : 0.05));
		axisY(svg, y0 * 100, y1 * 100, intervals, "%.0f%%");
		for (int i = 0; i <= 4; i++) {
			double cost = x0 + (x1 - x0) * i / 4;
			svg.append(text(px(cost, x0, x1), HEIGHT - BOTTOM + 16, "middle", 10,
					String.format(Locale.ROOT, "%.2f", cost)));
		}
		svg.append(text(LEFT + (WIDTH - LEFT - RIGHT) / 2.0, HEIGHT - 8, "middle", 11,
				"estimated cost per request →   (↑ " + qualityName + ")"));
		StringBuilder line = new StringBuilder();
		for (ReplayReport.Point point : sweep.points()) {
			line.append(String.format(Locale.ROOT, "%.1f,%.1f ", px(point.costPerRequest(), x0, x1),
					py(point.quality(), y0, y1)));
		}
		svg.append("<polyline fill=\"none\" stroke=\"#9bb7ee\" stroke-width=\"2\" points=\"")
			.append(line.toString().trim())
			.append("\"/>");
		List<ReplayReport.Point> points = sweep.points();
		double[] labelled = { Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY };
		for (int i = 0; i < points.size(); i++) {
			ReplayReport.Point point = points.get(i);
			// Thresholds that route alike sit on one spot: one dot, labelled with their
			// range.
			int last = i;
			while (last + 1 < points.size() && sameSpot(points.get(last + 1), point)) {
				last++;
			}
			double x = px(point.costPerRequest(), x0, x1);
			double y = py(point.quality(), y0, y1);
			svg.append(
					String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#9bb7ee\"/>", x, y));
			String label = Format.number(point.threshold())
					+ ((last > i) ? "–" + Format.number(points.get(last).threshold()) : "");
			// A label that would overprint the previous one is left out; its dot stays.
			if (Math.abs(x - labelled[0]) > 28 || Math.abs(y - labelled[1]) > 11) {
				svg.append(text(x + 5, y + 14, "start", 9, label));
				labelled[0] = x;
				labelled[1] = y;
			}
			i = last;
		}
		marker(svg, sweep.production(), x0, x1, y0, y1, PRODUCTION, "production");
		marker(svg, sweep.candidate(), x0, x1, y0, y1, CANDIDATE, "candidate");
		return svg.append("</svg>").toString();
	}

	private static void marker(StringBuilder svg, ReplayReport.Point point, double x0, double x1, double y0, double y1,
			String color, String label) {
		double x = px(point.costPerRequest(), x0, x1);
		double y = py(point.quality(), y0, y1);
		svg.append(String.format(Locale.ROOT,
				"<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"2\"/>", x, y,
				color));
		svg.append(text(x - 9, y - 9, "end", 11, label, color));
	}

	private static double px(double cost, double x0, double x1) {
		return LEFT + (cost - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
	}

	private static double py(double quality, double y0, double y1) {
		return HEIGHT - BOTTOM - (quality - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
	}

	private static boolean sameSpot(ReplayReport.Point a, ReplayReport.Point b) {
		return Math.abs(a.costPerRequest() - b.costPerRequest()) < 1e-9 && Math.abs(a.quality() - b.quality()) < 1e-9;
	}

}
