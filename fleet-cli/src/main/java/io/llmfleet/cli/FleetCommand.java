package io.llmfleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.llmfleet.cli.classifier.ClassifierCommand;

/**
 * The {@code fleet} command: run the fleet locally, submit batches, run the demo, train
 * and evaluate the classifier.
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, version = "llm-fleet 0.1.0",
		description = "LLM inference as a message-driven fleet on Apache Kafka.", subcommands = { LocalCommand.class,
				SubmitCommand.class, DemoCommand.class, SchemasCommand.class, ClassifierCommand.class })
public class FleetCommand {

	public static void main(String[] args) {
		System.exit(new CommandLine(new FleetCommand()).execute(args));
	}

}
