package io.llmfleet.cli.replay;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.ConnectionOptions;
import io.llmfleet.cli.traffic.TimeArgument;
import io.llmfleet.cli.traffic.TrafficExport;
import io.llmfleet.cli.traffic.TrafficFile;
import io.llmfleet.cli.traffic.TrafficRecord;

/**
 * {@code fleet replay evaluate}: re-classifies and re-routes recorded traffic under a
 * candidate policy, calling no backend (and, with {@code --traffic}, no broker), and
 * writes the comparison with production as Markdown and as one HTML file with charts.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = "Re-classify and re-route recorded traffic offline under a candidate policy; report the difference.")
public class EvaluateCommand implements Callable<Integer> {

	@ArgGroup(exclusive = true, multiplicity = "1")
	Source source;

	@Option(names = "--policy",
			description = "Candidate policy YAML: fleet.classifier.* and fleet.catalog.* keys (default: production's)")
	Path policy;

	@Option(names = "--labels",
			description = "Labels JSONL: tier plus request_id, custom_id or prompt (data/routing-train.jsonl works)")
	Path labels;

	@Option(names = "--out", defaultValue = "replay-report",
			description = "Report path without extension: writes .md and .html (default: ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--max-changed", defaultValue = "50",
			description = "Changed requests listed in the report (default: ${DEFAULT-VALUE})")
	int maxChanged;

	@Option(names = "--no-prompts", description = "Leave prompt excerpts out of the report")
	boolean noPrompts;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	/** Recorded traffic from a file or straight from the topics. */
	static class Source {

		@Option(names = "--traffic", description = "Traffic JSONL written by `fleet export`")
		Path traffic;

		@ArgGroup(exclusive = false)
		Window window;

	}

	/** A window of the fleet's topics. */
	static class Window {

		@Option(names = "--from", required = true,
				description = "Read the topics from this time instead (15m, 2h, an instant, ...)")
		String from;

		@Option(names = "--to", description = "With --from: until this time (default: now)")
		String to;

	}

	@Override
	public Integer call() throws Exception {
		List<TrafficRecord> traffic = traffic();
		if (traffic.isEmpty()) {
			throw new IllegalArgumentException("No recorded requests to replay");
		}
		ReplayPolicy candidate = (this.policy != null) ? ReplayPolicy.load(this.policy) : ReplayPolicy.production();
		Labels labels = (this.labels != null) ? Labels.read(this.labels) : Labels.none();
		ReplayReport report = ReplayEvaluation.evaluate(traffic, candidate, labels, !this.noPrompts);
		Path markdown = Path.of(this.out + ".md");
		Path html = Path.of(this.out + ".html");
		if (markdown.toAbsolutePath().getParent() != null) {
			Files.createDirectories(markdown.toAbsolutePath().getParent());
		}
		Files.writeString(markdown, MarkdownReport.render(report, this.maxChanged));
		Files.writeString(html, HtmlReport.render(report, this.maxChanged));
		PrintWriter stdout = this.spec.commandLine().getOut();
		stdout.printf("%-40s %22s %22s %10s%n", "", "production", report.candidate(), "change");
		for (List<String> row : Format.summaryRows(report)) {
			stdout.printf("%-40s %22s %22s %10s%n", row.get(0), row.get(1), row.get(2), row.get(3));
		}
		stdout.printf("%nTier mix (production -> candidate):");
		for (String tier : Format.mixKeys(report)) {
			stdout.printf(" %s %d -> %d;", tier, report.mixBefore().getOrDefault(tier, 0),
					report.mixAfter().getOrDefault(tier, 0));
		}
		stdout.printf("%nReport: %s and %s%n", markdown, html);
		stdout.flush();
		return 0;
	}

	private List<TrafficRecord> traffic() throws Exception {
		if (this.source.traffic != null) {
			return TrafficFile.read(this.source.traffic);
		}
		Instant now = Instant.now();
		Window window = this.source.window;
		Instant from = TimeArgument.parse(window.from, now, ZoneId.systemDefault());
		Instant to = (window.to != null) ? TimeArgument.parse(window.to, now, ZoneId.systemDefault()) : now;
		return TrafficExport.read(this.connection.clientConfig(), this.connection.topics(), from, to);
	}

}
