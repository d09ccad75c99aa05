package io.llmfleet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.springframework.util.FileSystemUtils;

import io.llmfleet.cli.bench.BenchReport;
import io.llmfleet.cli.bench.BenchSettings;
import io.llmfleet.cli.bench.BenchSettings.Phase;
import io.llmfleet.cli.bench.FleetBench;
import io.llmfleet.cli.bench.LostRequestsException;
import io.llmfleet.cli.bench.Machine;

/**
 * {@code fleet bench}: the fleet's latency and throughput against a bare-Kafka relay
 * chain of the same hops on the same embedded broker, in one run, with transactions off
 * and on; throughput of one model with 1, 2 and 4 workers; each service's resident memory
 * in its own JVM. Self-contained (its own brokers, registries and simulator on free
 * ports, data in a temporary directory). Exits 1 when any request is lost or fails.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = "Measure the fleet against a bare-Kafka chain of the same hops, in one run, and print the ratios.")
public class BenchCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--phases", split = ",", defaultValue = "off,on,scaling,memory",
			description = "Phases to run (always in this order): off (raw and fleet, transactions off), on (raw, raw with "
					+ "transactions, fleet with transactions), scaling, memory (default: ${DEFAULT-VALUE})")
	List<String> phases;

	@Option(names = "--rounds", defaultValue = "3",
			description = "Rounds of each latency and throughput run, the targets taking turns (default: ${DEFAULT-VALUE})")
	int rounds;

	@Option(names = "--warmup", defaultValue = "500",
			description = "Untimed requests before a latency run (default: ${DEFAULT-VALUE})")
	int warmup;

	@Option(names = "--samples", defaultValue = "1000",
			description = "Timed requests of a latency run, one in flight, over all rounds (default: ${DEFAULT-VALUE})")
	int samples;

	@Option(names = "--requests", defaultValue = "5000",
			description = "Counted requests of a throughput run, over all rounds (default: ${DEFAULT-VALUE})")
	int requests;

	@Option(names = "--throughput-warmup", defaultValue = "500",
			description = "Uncounted requests before a throughput run (default: ${DEFAULT-VALUE})")
	int throughputWarmup;

	@Option(names = "--window", defaultValue = "256",
			description = "Most requests in flight in a throughput run (default: ${DEFAULT-VALUE})")
	int window;

	@Option(names = "--pin",
			description = "Pin every fleet request to this catalogue model (still classified); default: the classifier's tier decides")
	String pin;

	@Option(names = "--max-tokens", defaultValue = "8",
			description = "max_tokens of every fleet request: the simulated answer's length, streamed token by token "
					+ "(default: ${DEFAULT-VALUE}; 0 leaves it to the simulator, 48)")
	int maxTokens;

	@Option(names = "--scaling-workers", split = ",", defaultValue = "1,2,4",
			description = "Worker counts of the scaling phase (default: ${DEFAULT-VALUE})")
	List<Integer> scalingWorkers;

	@Option(names = "--scaling-model", defaultValue = "llama3.2-3b",
			description = "The model the scaling phase's requests pin (default: ${DEFAULT-VALUE})")
	String scalingModel;

	@Option(names = "--scaling-partitions", defaultValue = "0",
			description = "Partitions of the model topics in the scaling phase (default: the catalogue's, 6)")
	int scalingPartitions;

	@Option(names = "--scaling-latency-ms", defaultValue = "50",
			description = "Simulated backend time in the scaling phase (default: ${DEFAULT-VALUE})")
	long scalingLatencyMs;

	@Option(names = "--scaling-requests", defaultValue = "600",
			description = "Counted requests per worker count (default: ${DEFAULT-VALUE})")
	int scalingRequests;

	@Option(names = "--scaling-warmup", defaultValue = "100",
			description = "Uncounted requests per worker count (default: ${DEFAULT-VALUE})")
	int scalingWarmup;

	@Option(names = "--scaling-window", defaultValue = "64",
			description = "Most requests in flight in the scaling phase (default: ${DEFAULT-VALUE})")
	int scalingWindow;

	@Option(names = "--memory-requests", defaultValue = "2000",
			description = "Requests through the services in their own JVMs before their memory is read (default: ${DEFAULT-VALUE})")
	int memoryRequests;

	@Option(names = "--service-jvm-options", defaultValue = "",
			description = "JVM options of the services' own JVMs in the memory phase, space-separated (default: none)")
	String serviceJvmOptions;

	@Option(names = "--service-arg",
			description = "A further Spring argument for every service (repeatable), e.g. --service-arg=--fleet.worker.max-in-flight=8")
	List<String> serviceArgs = new ArrayList<>();

	@Option(names = "--run-timeout", defaultValue = "180",
			description = "Longest one measured run may take, in seconds (default: ${DEFAULT-VALUE})")
	long runTimeoutSeconds;

	@Option(names = "--data-dir",
			description = "Where brokers keep data and services their logs (default: a new temporary directory)")
	Path dataDir;

	@Option(names = "--keep-data", description = "Keep the data directory (it is always kept when a run fails)")
	boolean keepData;

	@Option(names = "--out", description = "Also write the report to this file")
	Path out;

	/**
	 * Runs the bench alone, as {@code fleet bench} does ({@code -Dloader.main} of the
	 * executable jar).
	 */
	public static void main(String[] args) {
		System.exit(new CommandLine(new BenchCommand()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		Path dir = (this.dataDir != null) ? Files.createDirectories(this.dataDir)
				: Files.createTempDirectory("fleet-bench-");
		BenchSettings settings = new BenchSettings(dir, phases(this.phases), this.rounds, this.warmup, this.samples,
				this.throughputWarmup, this.requests, this.window, this.pin, this.maxTokens, this.scalingWorkers,
				this.scalingModel, this.scalingPartitions, Duration.ofMillis(this.scalingLatencyMs), this.scalingWarmup,
				this.scalingRequests, this.scalingWindow, this.memoryRequests, jvmOptions(this.serviceJvmOptions),
				serviceArguments(dir, this.serviceArgs), Duration.ofSeconds(this.runTimeoutSeconds));
		BenchReport report = new BenchReport();
		FleetBench bench = new FleetBench(settings, System.out, report);
		List<String> header = header(settings, bench);
		header.forEach(System.out::println);
		long start = System.nanoTime();
		Exception failure = null;
		try {
			bench.run();
		}
		catch (Exception ex) {
			failure = ex;
		}
		report.note("Whole run: " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s.");
		String text = report.render(header);
		System.out.println();
		System.out.println(text);
		if (this.out != null) {
			Files.writeString(this.out, text);
		}
		if (failure != null) {
			System.err.println("fleet bench FAILED: " + failure.getMessage());
			System.err.println("Data and service logs kept in " + dir);
			return (failure instanceof LostRequestsException) ? 1 : 2;
		}
		if (this.dataDir == null && !this.keepData) {
			FileSystemUtils.deleteRecursively(dir);
		}
		System.out.println(report.targetsMet() ? "Every target measured was met."
				: "Some targets were MISSED: see the tables above.");
		return 0;
	}

	private List<String> header(BenchSettings settings, FleetBench bench) {
		List<String> header = new ArrayList<>();
		header.add("fleet bench, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
		header.add("Machine: " + Machine.describe() + "; load " + Machine.load());
		header.add("Command: fleet bench" + ((this.spec != null)
				? " " + String.join(" ", this.spec.commandLine().getParseResult().originalArgs()) : ""));
		header.add("Latency: " + settings.warmup() + " warm-up, " + settings.samples()
				+ " timed, one in flight. Throughput: " + settings.throughputWarmup() + " warm-up, "
				+ settings.throughputCount() + " counted, window " + settings.window() + ". Both in "
				+ settings.rounds() + " rounds, targets taking turns; latency pools the rounds' samples, "
				+ "throughput is the median round's. Fleet requests: "
				+ ((settings.pin() != null) ? "pinned to " + settings.pin() : "tier decided by the classifier")
				+ ", prompts in turn, "
				+ ((settings.maxTokens() > 0) ? settings.maxTokens() + "-token answers"
						: "the simulator's answer length")
				+ "; raw payloads: the same requests serialized, " + bench.payloadSizes() + ".");
		header.add("Data: " + settings.dataDir());
		return header;
	}

	/**
	 * As {@code fleet local} runs the services (decision lines at INFO in a log file),
	 * without a Kafka client warning that every reader of the results topic prints once.
	 */
	private static List<String> serviceArguments(Path dir, List<String> extra) {
		List<String> arguments = new ArrayList<>(ServiceArguments.forLocal(dir));
		arguments.add("--logging.level." + FleetBench.QUIET_LOGGER + "=ERROR");
		arguments.addAll(extra);
		return arguments;
	}

	static Set<Phase> phases(List<String> names) {
		Set<Phase> phases = EnumSet.noneOf(Phase.class);
		for (String name : names) {
			phases.add(switch (name.trim().toLowerCase(Locale.ROOT)) {
				case "off" -> Phase.TRANSACTIONS_OFF;
				case "on" -> Phase.TRANSACTIONS_ON;
				case "scaling" -> Phase.SCALING;
				case "memory" -> Phase.MEMORY;
				default -> throw new IllegalArgumentException(
						"Unknown phase '" + name + "'; phases: off, on, scaling, memory");
			});
		}
		return phases;
	}

	private static List<String> jvmOptions(String options) {
		return options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
	}

}
