package io.llmfleet.cli.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.ConnectionOptions;
import io.llmfleet.cli.traffic.TrafficFile;
import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.batch.BatchIds;
import io.llmfleet.client.kafka.KafkaClients;

/**
 * {@code fleet replay traffic FILE --speed 2.0} (or {@code --rate 50}): re-publishes
 * recorded requests with new ids to the live fleet, results to a reply topic private to
 * the run (deleted afterwards), and prints the achieved rate and result statistics. Exits
 * 1 when a request got no result.
 */
@Command(name = "traffic", mixinStandardHelpOptions = true,
		description = "Re-publish recorded requests to the fleet at N times their pace or a fixed rate; print statistics.")
public class TrafficCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "Traffic JSONL written by `fleet export`")
	Path file;

	@ArgGroup(exclusive = true, multiplicity = "1")
	PaceOptions pace;

	@Option(names = "--timeout", defaultValue = "PT5M",
			description = "Deadline of each request, ISO-8601 (default: ${DEFAULT-VALUE})")
	Duration timeout;

	@Option(names = "--keep-topic", description = "Keep the run's private reply topic")
	boolean keepTopic;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	/** Either pace. */
	static class PaceOptions {

		@Option(names = "--speed", description = "Times the recorded pace (2.0: twice as fast)")
		Double speed;

		@Option(names = "--rate", description = "Fixed requests per second")
		Double rate;

	}

	@Override
	public Integer call() throws Exception {
		List<TrafficRecord> traffic = TrafficFile.read(this.file);
		if (traffic.isEmpty()) {
			throw new IllegalArgumentException(this.file + " holds no requests to replay");
		}
		LiveReplay.Pace chosen = new LiveReplay.Pace(this.pace.speed, this.pace.rate);
		String runId = "replay-" + BatchIds.newBatchId().substring("batch-".length());
		FleetClientConfig config = this.connection.clientConfig()
			.withTimeout(this.timeout)
			.withReplyTopic(this.connection.clientConfig().topicPrefix() + "replay." + runId);
		var out = this.spec.commandLine().getOut();
		out.printf("Replaying %d requests from %s as %s (results on %s)%n", traffic.size(), this.file, runId,
				config.replyTopic());
		out.flush();
		ReplayStats stats;
		try (FleetClient client = FleetClient.connect(config)) {
			stats = LiveReplay.run(client, traffic, chosen, runId);
		}
		finally {
			if (!this.keepTopic) {
				deleteTopic(config);
			}
		}
		stats.print(out);
		return (stats.lost() == 0) ? 0 : 1;
	}

	private static void deleteTopic(FleetClientConfig config) {
		try (Admin admin = KafkaClients.admin(config)) {
			admin.deleteTopics(List.of(config.replyTopic())).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			System.err.println("Could not delete " + config.replyTopic() + ": " + ex.getMessage());
		}
	}

}
