package io.llmfleet.cli.batch;

import java.io.PrintStream;

/** A progress bar on a terminal; every tenth step as its own line elsewhere. */
public final class ProgressBar {

	private static final int WIDTH = 40;

	private ProgressBar() {
	}

	/** Draws {@code done} of {@code total}. */
	public static void draw(PrintStream out, int done, int total) {
		boolean terminal = System.console() != null;
		// Without a terminal (a log, CI) a redrawn bar is one endless line: print each
		// tenth instead.
		if (!terminal && done != total && done % Math.max(1, total / 10) != 0) {
			return;
		}
		int filled = (total == 0) ? WIDTH : done * WIDTH / total;
		String bar = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total;
		if (terminal) {
			out.print("\r" + bar);
		}
		else {
			out.println(bar);
		}
		out.flush();
	}

}
