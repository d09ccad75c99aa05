package io.llmfleet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import io.llmfleet.cli.batch.BatchFile;
import io.llmfleet.cli.batch.BatchRunner;
import io.llmfleet.cli.batch.ResultLines;
import io.llmfleet.cli.batch.TierSummary;
import io.llmfleet.client.FleetClient;

/** {@code fleet submit FILE.jsonl --out results.jsonl}: one batch, attached. */
@Command(name = "submit", mixinStandardHelpOptions = true,
		description = "Submit an OpenAI-Batch-style JSONL file and write one result line per input line.")
class SubmitCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "Input JSONL: custom_id and body.messages or prompt, optional model")
	Path file;

	@Option(names = "--out", defaultValue = "results.jsonl", description = "Output JSONL (default: ${DEFAULT-VALUE})")
	Path out;

	@Mixin
	ConnectionOptions connection;

	@Override
	public Integer call() throws Exception {
		String batchId = UUID.randomUUID().toString();
		List<BatchFile.Line> lines = BatchFile.read(this.file, batchId);
		try (FleetClient client = FleetClient.connect(this.connection.clientConfig())) {
			System.err.println("Submitting " + lines.size() + " requests as batch " + batchId);
			List<BatchRunner.Outcome> outcomes = BatchRunner.run(client, lines, System.err);
			ResultLines.write(this.out, outcomes);
			TierSummary.print(TierSummary.of(outcomes), System.out);
			System.out.println("Results: " + this.out);
			return outcomes.stream().allMatch((outcome) -> outcome.result() != null) ? 0 : 1;
		}
	}

}
