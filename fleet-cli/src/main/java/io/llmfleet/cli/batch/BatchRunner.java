package io.llmfleet.cli.batch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmfleet.client.FleetClient;
import io.llmfleet.client.batch.BatchResult;
import io.llmfleet.client.batch.BatchSummary;
import io.llmfleet.client.batch.FleetBatch;
import io.llmfleet.schemas.InferenceResult;

/**
 * Submits a batch through a {@link FleetClient} or as a resumable {@link FleetBatch},
 * draws a progress bar while results arrive, and returns one outcome per line in input
 * order.
 */
public final class BatchRunner {

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

	/**
	 * Runs the lines as batch {@code batch} (resuming it where the topics say it stands),
	 * draws a progress bar while results arrive, and returns one outcome per line in
	 * input order.
	 */
	public static Result run(FleetBatch batch, List<BatchFile.Line> lines, PrintStream progress) {
		Map<String, BatchResult> byCustomId = new HashMap<>();
		BatchSummary summary = batch.run(lines.stream().map(BatchFile.Line::item).toList(), (result) -> {
			byCustomId.put(result.customId(), result);
			drawBar(progress, byCustomId.size(), lines.size());
		});
		progress.println();
		List<Outcome> outcomes = new ArrayList<>();
		for (BatchFile.Line line : lines) {
			BatchResult result = byCustomId.get(line.customId());
			outcomes.add(new Outcome(line, result.result(), result.failure()));
		}
		return new Result(outcomes, summary);
	}

	/**
	 * A batch run's outcomes, one per line in input order, and what it submitted.
	 *
	 * @param outcomes the outcomes
	 * @param summary what the run did
	 */
	public record Result(List<Outcome> outcomes, BatchSummary summary) {
	}

	private static synchronized void drawBar(PrintStream out, int done, int total) {
		ProgressBar.draw(out, done, total);
	}

}
