package io.llmfleet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.util.FileSystemUtils;

import io.llmfleet.cli.batch.BatchFile;
import io.llmfleet.cli.batch.BatchRunner;
import io.llmfleet.cli.batch.ResultLines;
import io.llmfleet.cli.batch.TierSummary;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;

/**
 * {@code fleet demo}: starts a private local fleet (free ports, fresh data, simulated
 * backends), runs the demo batch through it, prints a summary per tier and stops. Exits 0
 * when every request got a result.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = "Run the demo batch through a fresh local fleet and print a summary per tier.")
class DemoCommand implements Callable<Integer> {

	@Option(names = "--file", defaultValue = "examples/demo.jsonl", description = "Batch (default: ${DEFAULT-VALUE})")
	Path file;

	@Option(names = "--out", defaultValue = ".fleet/demo-results.jsonl",
			description = "Results (default: ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--data-dir", defaultValue = ".fleet/demo",
			description = "Broker data, wiped first (default: ${DEFAULT-VALUE})")
	Path dataDir;

	@Override
	public Integer call() throws IOException {
		FileSystemUtils.deleteRecursively(this.dataDir);
		String batchId = "demo-" + UUID.randomUUID();
		List<BatchFile.Line> lines = BatchFile.read(this.file, batchId);
		LocalFleetSettings settings = LocalFleetSettings.isolated(this.dataDir)
			.withExtraArguments(ServiceArguments.forDemo());
		try (LocalFleet fleet = LocalFleet.start(settings, System.out::println);
				FleetClient client = FleetClient
					.connect(FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl()))) {
			System.out.println("Submitting " + lines.size() + " requests from " + this.file);
			long start = System.nanoTime();
			List<BatchRunner.Outcome> outcomes = BatchRunner.run(client, lines, System.out);
			long elapsedMs = (System.nanoTime() - start) / 1_000_000;
			ResultLines.write(this.out, outcomes);
			System.out.println();
			TierSummary.print(TierSummary.of(outcomes), System.out);
			long answered = outcomes.stream().filter((outcome) -> outcome.result() != null).count();
			System.out.printf("%n%d/%d requests answered in %d ms (backends simulated: %s). Results: %s%n", answered,
					lines.size(), elapsedMs, fleet.simulatedBackends(), this.out);
			return (answered == lines.size()) ? 0 : 1;
		}
	}

}
