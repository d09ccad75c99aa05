package io.llmfleet.cli.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.ConnectionOptions;
import io.llmfleet.client.batch.BatchSnapshot;

/**
 * {@code fleet results BATCH_ID --out FILE}: one line per submitted request, in the batch
 * input's order, with its {@code custom_id} and result ({@code PENDING} while it has
 * none). Reads only: run it any number of times; over a finished batch it writes the same
 * file each time.
 */
@Command(name = "results", mixinStandardHelpOptions = true,
		description = "Collect a batch's results into one JSONL file, in input order (idempotent).")
public class ResultsCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "The batch id that `fleet submit` printed")
	String batchId;

	@Option(names = "--out", defaultValue = "results.jsonl", description = "Output JSONL (default: ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--wait", description = "Wait up to this long (ISO-8601, e.g. PT30M) for every result")
	Duration wait;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = this.spec.commandLine().getOut();
		BatchSnapshot snapshot = (this.wait != null)
				? BatchSnapshot.await(this.connection.clientConfig(), this.batchId, this.wait)
				: BatchSnapshot.read(this.connection.clientConfig(), this.batchId);
		List<Map<String, Object>> lines = new ArrayList<>();
		List<BatchRunner.Outcome> outcomes = new ArrayList<>();
		for (BatchSnapshot.Entry entry : snapshot.entries()) {
			lines.add(ResultLines.line(entry.customId(), entry.requestId(), entry.result(), null));
			if (entry.request() != null) {
				outcomes.add(new BatchRunner.Outcome(
						new BatchFile.Line((int) entry.sequence() + 1, entry.customId(), entry.request()),
						entry.result(), null));
			}
		}
		ResultLines.writeLines(this.out, lines);
		TierSummary.print(TierSummary.of(outcomes), stdout);
		stdout.printf("%d results of %d requests written to %s%n", lines.size() - snapshot.pending(), lines.size(),
				this.out);
		if (snapshot.complete()) {
			stdout.flush();
			return 0;
		}
		stdout.printf("Batch %s is not complete: %d pending%s; run this again later, or with --wait%n", this.batchId,
				snapshot.pending(),
				(snapshot.manifest().getSubmittedAt() == null) ? ", and its submission has not finished" : "");
		stdout.flush();
		return 1;
	}

}
