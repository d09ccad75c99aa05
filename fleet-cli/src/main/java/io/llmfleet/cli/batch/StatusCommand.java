package io.llmfleet.cli.batch;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.ConnectionOptions;
import io.llmfleet.client.batch.BatchSnapshot;
import io.llmfleet.schemas.BatchManifest;

/**
 * {@code fleet status BATCH_ID}: when the batch started and finished submitting, how many
 * requests it submitted, how many results came back by status and tier, and how many are
 * pending.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show a batch's progress: results by status and tier, and how many are pending.")
public class StatusCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "The batch id that `fleet submit` printed")
	String batchId;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		BatchSnapshot snapshot = BatchSnapshot.read(this.connection.clientConfig(), this.batchId);
		BatchManifest manifest = snapshot.manifest();
		out.printf("batch      %s%n", manifest.getBatchId());
		out.printf("reply to   %s%n", manifest.getReplyTo());
		out.printf("started    %s%n", manifest.getStartedAt());
		out.printf("submitted  %s%n", (manifest.getSubmittedAt() != null)
				? manifest.getSubmittedAt() + " (" + manifest.getTotal() + " requests)" : "still submitting");
		out.printf("requests   %d on the requests topic%n", snapshot.submitted());
		out.println();
		out.printf("%-10s %8s%n", "status", "count");
		snapshot.countsByStatus().forEach((status, count) -> out.printf("%-10s %8d%n", status, count));
		Map<String, Integer> byTier = new TreeMap<>();
		snapshot.entries()
			.stream()
			.filter((entry) -> entry.result() != null)
			.forEach((entry) -> byTier.merge((entry.result().getTier() != null) ? entry.result().getTier() : "-", 1,
					Integer::sum));
		out.println();
		out.printf("%-10s %8s%n", "tier", "results");
		byTier.forEach((tier, count) -> out.printf("%-10s %8d%n", tier, count));
		out.println();
		out.printf("%d pending; %s%n", snapshot.pending(), snapshot.complete() ? "complete" : "not complete");
		out.flush();
		return 0;
	}

}
