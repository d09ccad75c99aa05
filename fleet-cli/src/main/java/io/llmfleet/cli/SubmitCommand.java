package io.llmfleet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.batch.BatchFile;
import io.llmfleet.cli.batch.BatchRunner;
import io.llmfleet.cli.batch.ResultLines;
import io.llmfleet.cli.batch.TierSummary;
import io.llmfleet.client.batch.BatchIds;
import io.llmfleet.client.batch.BatchOptions;
import io.llmfleet.client.batch.BatchSummary;
import io.llmfleet.client.batch.FleetBatch;

/**
 * {@code fleet submit FILE.jsonl}: one batch, attached (results written to {@code --out}
 * as they all arrive) or {@code --detach}ed (the batch id printed once the requests are
 * written; {@code fleet results} collects later). Either way the batch is resumable:
 * {@code --batch-id} of an earlier run submits only what it had not.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
		description = "Submit an OpenAI-Batch-style JSONL file and write one result line per input line.")
class SubmitCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "Input JSONL: custom_id and body.messages or prompt, optional model")
	Path file;

	@Option(names = "--out", defaultValue = "results.jsonl", description = "Output JSONL (default: ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--detach",
			description = "Print the batch id once every request is written, without waiting for results")
	boolean detach;

	@Option(names = "--batch-id",
			description = "Batch id (letters, digits, . _ -); an existing one resumes that batch (default: a new one)")
	String batchId;

	@Option(names = "--max-in-flight", defaultValue = "256",
			description = "Attached: most requests awaiting a result at once (default: ${DEFAULT-VALUE})")
	int maxInFlight;

	@Option(names = "--timeout", defaultValue = "PT10M",
			description = "Deadline of each request from its submission, ISO-8601 (default: ${DEFAULT-VALUE})")
	Duration timeout;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter stdout = this.spec.commandLine().getOut();
		PrintWriter stderr = this.spec.commandLine().getErr();
		String id = (this.batchId != null) ? BatchIds.requireValid(this.batchId) : BatchIds.newBatchId();
		List<BatchFile.Line> lines = BatchFile.read(this.file, id);
		BatchOptions options = BatchOptions.of(id)
			.withMaxInFlight(this.maxInFlight)
			.withMetadata(Map.of("source", this.file.toString(), "submitter", "fleet submit"));
		try (FleetBatch batch = FleetBatch.open(this.connection.clientConfig().withTimeout(this.timeout), options)) {
			if (batch.answeredAtOpen() + batch.submittedAtOpen() > 0) {
				stderr.printf("Resuming batch %s: %d results in, %d requests already submitted%n", id,
						batch.answeredAtOpen(), batch.submittedAtOpen());
			}
			if (this.detach) {
				BatchSummary summary = batch.submit(lines.stream().map(BatchFile.Line::item).toList());
				stderr.printf(
						"Batch %s: %d requests submitted now, %d earlier (%d already answered). Collect: fleet "
								+ "results %s --out FILE; progress: fleet status %s%n",
						id, summary.submitted(), summary.pendingBefore() + summary.answeredBefore(),
						summary.answeredBefore(), id, id);
				stdout.println(id);
				stdout.flush();
				return 0;
			}
			stderr.printf("Submitting %d requests as batch %s (resume with --batch-id %s)%n", lines.size(), id, id);
			stderr.flush();
			BatchRunner.Result result = BatchRunner.run(batch, lines, System.err);
			ResultLines.write(this.out, result.outcomes());
			TierSummary.print(TierSummary.of(result.outcomes()), stdout);
			stdout.println("Results: " + this.out);
			stdout.flush();
			return (result.summary().withoutResult() == 0) ? 0 : 1;
		}
	}

}
