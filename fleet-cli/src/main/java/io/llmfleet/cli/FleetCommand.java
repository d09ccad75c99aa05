package io.llmfleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.llmfleet.cli.batch.ResultsCommand;
import io.llmfleet.cli.batch.StatusCommand;
import io.llmfleet.cli.classifier.ClassifierCommand;
import io.llmfleet.cli.replay.ReplayCommand;
import io.llmfleet.cli.top.TopCommand;
import io.llmfleet.cli.traffic.ExportCommand;

/**
 * The {@code fleet} command: run the fleet locally, submit batches and collect their
 * results, export and replay traffic, watch the fleet, run the demo, train and evaluate
 * the classifier.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, version = "llm-fleet 0.1.0",
		description = "LLM inference as a message-driven fleet on Apache Kafka.",
		subcommands = { LocalCommand.class, SubmitCommand.class, BenchCommand.class, ResultsCommand.class,
				StatusCommand.class, ExportCommand.class, ReplayCommand.class, TopCommand.class, DemoCommand.class,
				SchemasCommand.class, ClassifierCommand.class })
public class FleetCommand {

	public static void main(String[] args) {
		System.exit(new CommandLine(new FleetCommand()).execute(args));
	}

}
