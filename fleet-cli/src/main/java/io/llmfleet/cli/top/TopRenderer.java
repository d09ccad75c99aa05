package io.llmfleet.cli.top;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a {@link TopFrame} as plain text columns that fit a 132-column terminal. */
final class TopRenderer {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	private static final double GIB = 1024.0 * 1024 * 1024;

	private TopRenderer() {
	}

	static String render(TopFrame frame) {
		StringBuilder out = new StringBuilder();
		long alive = frame.workers().stream().filter((w) -> w.state().equals("alive")).count();
		long draining = frame.workers().stream().filter((w) -> w.state().equals("draining")).count();
		long dead = frame.workers().size() - alive - draining;
		out.append(String.format(Locale.ROOT, "llm-fleet top  %s%n%n", TIME.format(frame.at())));
		out.append(String.format(Locale.ROOT, "WORKERS  %d alive, %d draining, %d dead%s%n", alive, draining, dead,
				(frame.longDead() > 0) ? " (+" + frame.longDead() + " silent for over 10 min)" : ""));
		out.append(String.format(Locale.ROOT, "%-22s %-14s %-26s %17s %-32s %9s %-8s %-6s%n", "WORKER", "HOST", "GPU",
				"VRAM USED/FREE", "LOADED", "IN-FLIGHT", "STATE", "SOURCE"));
		for (TopFrame.Worker w : frame.workers()) {
			out.append(String.format(Locale.ROOT, "%-22s %-14s %-26s %17s %-32s %9s %-8s %-6s%n", cut(w.id(), 22),
					cut(w.host(), 14), cut(w.gpu(), 26),
					String.format(Locale.ROOT, "%.1f/%.1f GiB", w.vramUsedBytes() / GIB, w.vramFreeBytes() / GIB),
					cut(w.loaded().isEmpty() ? "-" : String.join(",", w.loaded()), 32),
					w.inFlight() + "/" + w.maxConcurrency(), w.state(), w.source()));
		}
		out.append(String.format(Locale.ROOT, "%nQUEUES  consumer lag of each model's worker group%n"));
		out.append(String.format(Locale.ROOT, "%-22s %-8s %8s %10s %9s %8s%n", "MODEL", "TIER", "LAG", "IN-FLIGHT",
				"DONE/" + frame.window() + "s", "P50 MS"));
		for (TopFrame.Queue q : frame.queues()) {
			out.append(String.format(Locale.ROOT, "%-22s %-8s %8d %10s %9d %8d%n", cut(q.model(), 22), q.tier(),
					q.lag(), q.inFlight() + "/" + q.slots(), q.done(), q.p50Ms()));
		}
		int total = frame.tiers().stream().mapToInt(TopFrame.Tier::attempts).sum();
		out.append(String.format(Locale.ROOT, "%nLAST %d s  %d attempts finished%n", frame.window(), total));
		out.append(String.format(Locale.ROOT, "%-10s %9s %7s %7s %7s %8s %11s%n", "TIER", "ATTEMPTS", "SHARE", "OK",
				"FAILED", "EXPIRED", "ERROR RATE"));
		for (TopFrame.Tier t : frame.tiers()) {
			out.append(String.format(Locale.ROOT, "%-10s %9d %6.1f%% %7d %7d %8d %10.1f%%%n", t.tier(), t.attempts(),
					(total == 0) ? 0 : 100.0 * t.attempts() / total, t.ok(), t.failed(), t.expired(),
					100 * t.errorRate()));
		}
		return out.toString();
	}

	private static String cut(String text, int width) {
		if (text == null) {
			return "-";
		}
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "…";
	}

}
