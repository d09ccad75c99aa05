package io.llmfleet.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

import io.llmfleet.cli.local.LocalFleet;

/**
 * Runs the {@code fleet} command in this JVM, as a user would type it, against a local
 * fleet, capturing what it prints.
 *
 * @param code the exit code
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
public record CliRun(int code, String out, String err) {

	/** {@code fleet ARGS --bootstrap-servers ... --schema-registry ...}. */
	public static CliRun against(LocalFleet fleet, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--bootstrap-servers", fleet.bootstrapServers(), "--schema-registry", fleet.registryUrl()));
		return of(all.toArray(String[]::new));
	}

	/** {@code fleet ARGS}. */
	public static CliRun of(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine command = FleetCommand.commandLine();
		command.setOut(new PrintWriter(out, true));
		command.setErr(new PrintWriter(err, true));
		int code = command.execute(args);
		return new CliRun(code, out.toString(), err.toString());
	}

}
