package io.llmfleet.cli.batch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmfleet.client.FleetClient;
import io.llmfleet.schemas.InferenceResult;

/**
 * Submits a batch through a {@link FleetClient}, draws a progress bar while results
 * arrive, and returns one outcome per line in input order.
 */
public final class BatchRunner {

	private static final int BAR_WIDTH = 40;

	private BatchRunner() {
	}

	/**
	 * One line's outcome: its result, or why none came.
	 *
	 * @param line the input line
	 * @param result the result, null when none arrived
	 * @param failure why no result arrived, null when one did
	 */
	public record Outcome(BatchFile.Line line, InferenceResult result, String failure) {
	}

	/** Submits every line and waits for every result (or its deadline). */
	public static List<Outcome> run(FleetClient client, List<BatchFile.Line> lines, PrintStream progress) {
		AtomicInteger done = new AtomicInteger();
		List<CompletableFuture<InferenceResult>> futures = new ArrayList<>();
		for (BatchFile.Line line : lines) {
			futures.add(client.submit(line.request()).whenComplete((result, failure) -> {
				int finished = done.incrementAndGet();
				drawBar(progress, finished, lines.size());
			}));
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			try {
				outcomes.add(new Outcome(lines.get(i), futures.get(i).join(), null));
			}
			catch (CompletionException ex) {
				outcomes.add(new Outcome(lines.get(i), null, String.valueOf(ex.getCause())));
			}
		}
		progress.println();
		return outcomes;
	}

	private static synchronized void drawBar(PrintStream out, int done, int total) {
		boolean terminal = System.console() != null;
		// Without a terminal (a log, CI) a redrawn bar is one endless line: print each
		// tenth instead.
		if (!terminal && done != total && done % Math.max(1, total / 10) != 0) {
			return;
		}
		int filled = (total == 0) ? BAR_WIDTH : done * BAR_WIDTH / total;
		String bar = "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
		if (terminal) {
			out.print("\r" + bar);
		}
		else {
			out.println(bar);
		}
		out.flush();
	}

}
