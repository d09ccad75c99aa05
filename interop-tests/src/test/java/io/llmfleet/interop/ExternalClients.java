package io.llmfleet.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import io.llmfleet.schemas.InferenceRequest;

/**
 * The clients nobody here wrote, as the interop tests run them: Node with Confluent's
 * {@code @confluentinc/schemaregistry} and {@code kafkajs} (installed by {@code npm ci}
 * in {@link #NODE_PROJECT}), and Debian's {@code python3-confluent-kafka} under
 * {@code /usr/bin/python3}. A test whose client is missing is skipped with the command
 * that installs it; {@code .ci/run} installs both.
 */
final class ExternalClients {

	/** The Node project holding the interop scripts, relative to this module. */
	static final Path NODE_PROJECT = Path.of("src/test/node");

	/** The Python scripts, relative to this module. */
	static final Path PYTHON_SCRIPTS = Path.of("src/test/python");

	/** Debian's interpreter: the python3 on PATH may not see Debian's modules. */
	static final String DEBIAN_PYTHON = "/usr/bin/python3";

	private ExternalClients() {
	}

	/** Runs a Node script of {@link #NODE_PROJECT}. */
	static Completed node(Duration timeout, Map<String, String> environment, String script, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		return run(NODE_PROJECT, timeout, environment, command);
	}

	/** Runs a Python script of {@link #PYTHON_SCRIPTS} with Debian's interpreter. */
	static Completed python(Duration timeout, String script, String... arguments)
			throws IOException, InterruptedException {
		// -B: no __pycache__ written into the source tree.
		List<String> command = new ArrayList<>(List.of(DEBIAN_PYTHON, "-B", script));
		command.addAll(List.of(arguments));
		// Unbuffered, so that a killed script still shows how far it got.
		return run(PYTHON_SCRIPTS, timeout, Map.of("PYTHONUNBUFFERED", "1"), command);
	}

	/**
	 * Writes the InferenceRequest schema as the Java classes register it, for the scripts
	 * to register and write with, and returns its absolute path.
	 */
	static String requestSchemaFile(Path directory) throws IOException {
		Path file = directory.resolve("InferenceRequest.avsc");
		Files.writeString(file, InferenceRequest.getClassSchema().toString(), StandardCharsets.UTF_8);
		return file.toAbsolutePath().toString();
	}

	/**
	 * Skips the calling test unless Node and the interop project's packages are
	 * installed.
	 */
	static void assumeNode() {
		Assumptions.assumeTrue(
				succeeds(List.of("node", "--version"))
						&& Files.isDirectory(NODE_PROJECT.resolve("node_modules/@confluentinc/schemaregistry")),
				"Node interop client missing: install Node 20 and run `npm ci --prefix interop-tests/src/test/node`");
	}

	/**
	 * Skips the calling test unless Debian's Confluent Python client and Avro are
	 * installed.
	 */
	static void assumePython() {
		Assumptions.assumeTrue(
				succeeds(List.of(DEBIAN_PYTHON, "-c", "import confluent_kafka, confluent_kafka.avro, avro, requests")),
				"Python interop client missing: `apt-get install python3-confluent-kafka python3-avro python3-requests`");
	}

	/**
	 * Runs {@code command} in {@code directory}, waits at most {@code timeout}, and
	 * returns what it printed; a process still running then is killed and the test fails.
	 */
	static Completed run(Path directory, Duration timeout, Map<String, String> environment, List<String> command)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process, false));
		CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, true));
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(
					command + " still running after " + timeout + "; stderr so far: " + stderr.getNow("(unread)"));
		}
		return new Completed(process.exitValue(), stdout.join(), stderr.join());
	}

	/**
	 * A finished process.
	 *
	 * @param exitCode its exit code
	 * @param stdout what it printed on standard output
	 * @param stderr what it printed on standard error
	 */
	record Completed(int exitCode, String stdout, String stderr) {

		/** The last line printed on standard output: the scripts' one-line answer. */
		String lastLine() {
			String[] lines = this.stdout.strip().split("\n");
			return lines[lines.length - 1].strip();
		}

		/** Fails with the process's stderr unless it exited 0. */
		Completed assertSucceeded() {
			if (this.exitCode != 0) {
				throw new AssertionError(
						"exit code " + this.exitCode + "\nstdout:\n" + this.stdout + "\nstderr:\n" + this.stderr);
			}
			return this;
		}

	}

	private static boolean succeeds(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String read(Process process, boolean error) {
		try {
			return new String((error ? process.getErrorStream() : process.getInputStream()).readAllBytes(),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

}
