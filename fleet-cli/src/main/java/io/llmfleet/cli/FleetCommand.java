package io.llmfleet.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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

	/** Set to print the stack trace of a failed command too. */
	static final String STACK_TRACE_VARIABLE = "FLEET_STACKTRACE";

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	/**
	 * The command line, ready to execute: a command that fails prints what went wrong on
	 * one line ({@code fleet submit: line 1 (a) has neither body.messages nor prompt})
	 * and exits with 1; the stack trace only when {@value #STACK_TRACE_VARIABLE} is set.
	 * @return the command line
	 */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new FleetCommand());
		commandLine.setExecutionExceptionHandler((ex, command, parsed) -> {
			command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + describe(ex));
			if (System.getenv(STACK_TRACE_VARIABLE) != null) {
				ex.printStackTrace(command.getErr());
			}
			return command.getCommandSpec().exitCodeOnExecutionException();
		});
		return commandLine;
	}

	// the messages of the exception and its causes, each once; an I/O failure with its
	// type, since its message alone is often a bare path
	static String describe(Throwable thrown) {
		List<String> parts = new ArrayList<>();
		for (Throwable cause = thrown; cause != null && parts.size() < 5; cause = cause.getCause()) {
			String message = cause.getMessage();
			String part = (message == null || message.isBlank()) ? cause.getClass().getSimpleName()
					: (cause instanceof IOException) ? cause.getClass().getSimpleName() + ": " + message : message;
			if (parts.stream().noneMatch((earlier) -> earlier.contains(part))) {
				parts.add(part);
			}
		}
		return String.join(": ", parts);
	}

}
