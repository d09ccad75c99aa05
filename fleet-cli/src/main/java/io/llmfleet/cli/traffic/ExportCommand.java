package io.llmfleet.cli.traffic;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.ConnectionOptions;

/**
 * {@code fleet export --from T1 --to T2 --out traffic.jsonl}: the requests recorded in a
 * window, each with production's decision (tier, confidence, classifier, language) and
 * its final attempt (model, status, latency, tokens, attempts), for {@code fleet replay}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = "Export recorded requests joined with their classification and final outcome as JSONL.")
public class ExportCommand implements Callable<Integer> {

	@Option(names = "--from", required = true,
			description = "Start: an instant, a local date-time or date, or a span before now (15m, 2h, 1d)")
	String from;

	@Option(names = "--to", defaultValue = "now", description = "End, exclusive (default: ${DEFAULT-VALUE})")
	String to;

	@Option(names = "--out", defaultValue = "traffic.jsonl", description = "Output JSONL (default: ${DEFAULT-VALUE})")
	Path out;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		Instant now = Instant.now();
		Instant start = TimeArgument.parse(this.from, now, ZoneId.systemDefault());
		Instant end = TimeArgument.parse(this.to, now, ZoneId.systemDefault());
		List<TrafficRecord> records = TrafficExport.read(this.connection.clientConfig(), this.connection.topics(),
				start, end);
		TrafficFile.write(this.out, records);
		PrintWriter stdout = this.spec.commandLine().getOut();
		stdout.printf("%d requests from %s to %s (%d classified, %d with a final outcome) written to %s%n",
				records.size(), start, end, records.stream().filter((r) -> r.decision() != null).count(),
				records.stream().filter((r) -> r.served() != null).count(), this.out);
		stdout.flush();
		return 0;
	}

}
