package io.llmfleet.cli.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.LoggerFactory;

import io.llmfleet.cli.bench.RawChain.ChainShape;
import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.simulator.LatencyModel;

/**
 * Runs the phases of {@code fleet bench}: each starts what it measures on a fresh
 * embedded broker and registry, measures, records the figures in a {@link BenchReport}
 * and stops it. A run in which any request is lost or fails stops the bench with
 * {@link LostRequestsException} once its figures are recorded.
 */
public final class FleetBench {

	/** The phase without transactions, where the targets apply. */
	public static final String TRANSACTIONS_OFF = "transactions off";

	/** The phase with the services' default exactly-once transactions. */
	public static final String TRANSACTIONS_ON = "transactions on";

	/** The phase with each service in its own JVM. */
	public static final String OWN_JVMS = "own JVMs, transactions on";

	/**
	 * The Spring profile that turns the classifier's and dispatcher's transactions off.
	 */
	static final String NO_TRANSACTIONS = "--spring.profiles.active=no-transactions";

	/**
	 * The default {@code fleet.worker.max-in-flight}: calls in flight per model, and the
	 * consumers of the raw chain's worker hop.
	 */
	static final int WORKER_MAX_IN_FLIGHT = 4;

	/**
	 * Warns, harmlessly, each time a client reading the results topic from its end
	 * starts.
	 */
	public static final String QUIET_LOGGER = "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils";

	private static final String BACKEND = "ollama";

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final BenchSettings settings;

	private final PrintStream out;

	private final BenchReport report;

	private final FleetConfiguration configuration = FleetConfiguration.defaults();

	private final List<byte[]> payloads = BenchPrompts.payloads();

	/**
	 * A bench.
	 * @param settings what to run
	 * @param out where progress lines go
	 * @param report where the figures go
	 */
	public FleetBench(BenchSettings settings, PrintStream out, BenchReport report) {
		this.settings = settings;
		this.out = out;
		this.report = report;
		quietKafkaClient();
	}

	/** The raw chain's payload sizes, for the report's header. */
	public String payloadSizes() {
		int min = this.payloads.stream().mapToInt((payload) -> payload.length).min().orElse(0);
		int max = this.payloads.stream().mapToInt((payload) -> payload.length).max().orElse(0);
		double mean = this.payloads.stream().mapToInt((payload) -> payload.length).average().orElse(0);
		return min + "-" + max + " bytes (mean " + Math.round(mean) + ")";
	}

	/** Runs every phase of the settings, in order. */
	public void run() throws Exception {
		for (BenchSettings.Phase phase : this.settings.phases()) {
			String before = Machine.load();
			String label = switch (phase) {
				case TRANSACTIONS_OFF -> {
					transactions(false);
					yield TRANSACTIONS_OFF;
				}
				case TRANSACTIONS_ON -> {
					transactions(true);
					yield TRANSACTIONS_ON;
				}
				case SCALING -> {
					scaling();
					yield "scaling";
				}
				case MEMORY -> {
					memory();
					yield "memory";
				}
			};
			this.report.load(label, before, Machine.load());
		}
	}

	/**
	 * The raw chain (and with transactions, the raw chain with transactions) and the
	 * fleet with one worker and an instant backend, on one broker: latency, then
	 * throughput, alternating targets.
	 */
	private void transactions(boolean on) throws Exception {
		String phase = on ? TRANSACTIONS_ON : TRANSACTIONS_OFF;
		this.out.println();
		this.out.println("== " + phase + ": raw chain" + (on ? ", raw chain with transactions" : "")
				+ " and fleet (classifier, dispatcher, one worker, simulator answering instantly)");
		List<String> arguments = new ArrayList<>(this.settings.serviceArguments());
		if (!on) {
			arguments.add(NO_TRANSACTIONS);
		}
		LocalFleetSettings fleetSettings = LocalFleetSettings
			.isolated(this.settings.dataDir().resolve(on ? "transactions-on" : "transactions-off"))
			.withoutWorkers()
			.withLatency(LatencyModel.instant())
			.withExtraArguments(arguments);
		try (LocalFleet fleet = LocalFleet.start(fleetSettings, this::progress)) {
			List<String> models = this.configuration.catalog()
				.models()
				.stream()
				.filter((model) -> model.backend().equals(BACKEND))
				.map(Model::id)
				.toList();
			fleet.startWorker(BACKEND, models, List.of("--fleet.worker.id=bench-worker-1"));
			progress("Worker bench-worker-1 (" + BACKEND + ") serving " + models);
			ChainShape shape = new ChainShape(this.configuration.topics().partitions(),
					this.configuration.topics().modelPartitions(), this.configuration.topics().partitions(),
					WORKER_MAX_IN_FLIGHT);
			Duration timeout = this.settings.runTimeout();
			List<AutoCloseable> opened = new ArrayList<>();
			try {
				List<BenchTarget> targets = new ArrayList<>();
				targets.add(open(opened, RawChain.start(BenchReport.RAW, fleet.bootstrapServers(), shape, false,
						this.payloads, timeout)));
				if (on) {
					targets.add(open(opened, RawChain.start(BenchReport.RAW_TX, fleet.bootstrapServers(), shape, true,
							this.payloads, timeout)));
				}
				quietKafkaClient();
				targets.add(open(opened, new FleetTarget(BenchReport.FLEET, fleet.bootstrapServers(),
						fleet.registryUrl(), BenchPrompts.PROMPTS, this.settings.pin(), this.settings.maxTokens())));
				measure(phase, targets);
			}
			finally {
				closeAll(opened);
			}
			ProcessMemory.self()
				.ifPresent((memory) -> this.report.memory(
						"bench JVM after " + phase
								+ " (broker, registry, classifier, dispatcher, worker, simulator, clients)",
						ProcessHandle.current().pid(), memory));
		}
	}

	/**
	 * Throughput of one model with more and more workers, each taking as many calls at
	 * once as a worker does by default, on the model's topic, with a backend that answers
	 * in the configured time; transactions off.
	 */
	private void scaling() throws Exception {
		Model model = this.configuration.catalog()
			.model(this.settings.scalingModel())
			.orElseThrow(() -> new IllegalArgumentException("Unknown model '" + this.settings.scalingModel()
					+ "'; the catalogue has " + this.configuration.catalog().modelIds()));
		this.out.println();
		int partitions = (this.settings.scalingPartitions() > 0) ? this.settings.scalingPartitions()
				: this.configuration.topics().modelPartitions();
		this.out.println("== scaling: " + this.settings.scalingWorkers() + " workers serving " + model.id() + " ("
				+ partitions + " partitions), simulator answering in " + this.settings.scalingLatency().toMillis()
				+ " ms, transactions off");
		List<String> arguments = new ArrayList<>(this.settings.serviceArguments());
		arguments.add(NO_TRANSACTIONS);
		if (partitions != this.configuration.topics().modelPartitions()) {
			// The services add the partitions to the topics the fleet created.
			arguments.add("--fleet.topics.model-partitions=" + partitions);
		}
		LocalFleetSettings fleetSettings = LocalFleetSettings.isolated(this.settings.dataDir().resolve("scaling"))
			.withoutWorkers()
			.withLatency(new LatencyModel(this.settings.scalingLatency(), Double.POSITIVE_INFINITY))
			.withExtraArguments(arguments);
		try (LocalFleet fleet = LocalFleet.start(fleetSettings, this::progress);
				ScalingWorkers workers = new ScalingWorkers(fleet, arguments, model.backend(), model.id(),
						this.configuration.topics().workerGroup(model.id()), partitions)) {
			quietKafkaClient();
			try (FleetTarget target = new FleetTarget(BenchReport.FLEET, fleet.bootstrapServers(), fleet.registryUrl(),
					BenchPrompts.PROMPTS, model.id(), this.settings.maxTokens())) {
				for (int count : this.settings.scalingWorkers()) {
					while (workers.count() < count) {
						workers.add();
					}
					progress(count + " worker(s) serving " + model.id() + ", " + FleetBench.WORKER_MAX_IN_FLIGHT
							+ " calls in flight each");
					Measurement throughput = LoadDriver.throughput(target, this.settings.scalingWarmup(),
							this.settings.scalingCount(), this.settings.scalingWindow(), this.settings.runTimeout());
					this.report.scaling(count, throughput);
					progress(describeThroughput("scaling, " + count + " worker(s)", throughput));
					throughput.requireComplete("scaling with " + count + " worker(s)");
				}
			}
		}
	}

	/**
	 * The classifier, the dispatcher and one worker each in its own JVM: a run through
	 * them, then each one's resident memory.
	 */
	private void memory() throws Exception {
		this.out.println();
		this.out.println("== memory: classifier, dispatcher and worker each in its own JVM"
				+ (this.settings.serviceJvmOptions().isEmpty() ? " (default JVM options)"
						: " (" + String.join(" ", this.settings.serviceJvmOptions()) + ")")
				+ ", transactions on, simulator answering instantly");
		quietKafkaClient();
		new MemoryPhase(this.settings, this.configuration, this.report, this::progress).run();
	}

	/**
	 * Latency, then throughput, of every target in rounds, the targets taking turns in
	 * each round so that a change in the machine's load hits them alike; the warm-up runs
	 * in the first round. Each figure pools its target's rounds.
	 */
	private void measure(String phase, List<BenchTarget> targets) {
		int rounds = this.settings.rounds();
		Duration timeout = this.settings.runTimeout();
		Map<BenchTarget, List<Measurement>> latencies = new LinkedHashMap<>();
		targets.stream().filter(FleetTarget.class::isInstance).forEach((target) -> ((FleetTarget) target).takeStages());
		for (int round = 0; round < rounds; round++) {
			for (BenchTarget target : targets) {
				Measurement run = LoadDriver.latency(target, (round == 0) ? this.settings.warmup() : 0,
						share(this.settings.samples(), round, rounds), timeout);
				latencies.computeIfAbsent(target, (key) -> new ArrayList<>()).add(run);
				progress(describeLatency(phase + ", round " + (round + 1) + "/" + rounds, run));
				if (!run.counts().complete()) {
					recordLatencies(phase, latencies);
					run.requireComplete(phase + " latency");
				}
			}
		}
		recordLatencies(phase, latencies);
		Map<BenchTarget, List<Measurement>> rates = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			for (BenchTarget target : targets) {
				Measurement run = LoadDriver.throughput(target, (round == 0) ? this.settings.throughputWarmup() : 0,
						share(this.settings.throughputCount(), round, rounds), this.settings.window(), timeout);
				rates.computeIfAbsent(target, (key) -> new ArrayList<>()).add(run);
				progress(describeThroughput(phase + ", round " + (round + 1) + "/" + rounds, run));
				if (!run.counts().complete()) {
					rates.values().forEach((runs) -> this.report.throughput(phase, Measurement.pooled(runs)));
					run.requireComplete(phase + " throughput");
				}
			}
		}
		rates.values().forEach((runs) -> this.report.throughput(phase, Measurement.pooled(runs)));
	}

	private void recordLatencies(String phase, Map<BenchTarget, List<Measurement>> latencies) {
		latencies.forEach((target, runs) -> {
			this.report.latency(phase, Measurement.pooled(runs));
			if (target instanceof FleetTarget fleet) {
				this.report.stages(phase, fleet.takeStages());
			}
		});
	}

	/** Round {@code round}'s share of {@code total}: the first rounds take the rest. */
	static int share(int total, int round, int rounds) {
		return total / rounds + ((round < total % rounds) ? 1 : 0);
	}

	/**
	 * The services' start re-reads the logging configuration: set the level again before
	 * a client starts.
	 */
	static void quietKafkaClient() {
		if (LoggerFactory.getLogger(QUIET_LOGGER) instanceof ch.qos.logback.classic.Logger logger) {
			logger.setLevel(ch.qos.logback.classic.Level.ERROR);
		}
	}

	private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T resource) {
		opened.add(resource);
		return resource;
	}

	private static void closeAll(List<AutoCloseable> opened) {
		for (int i = opened.size() - 1; i >= 0; i--) {
			try {
				opened.get(i).close();
			}
			catch (Exception ex) {
				// Keep closing the rest.
			}
		}
	}

	private void progress(String line) {
		this.out.println("  " + LocalTime.now().format(CLOCK) + " " + line);
	}

	static String describeLatency(String phase, Measurement run) {
		LatencySummary latency = run.latency();
		return phase + ", " + run.target() + ", latency: "
				+ ((latency != null) ? "p50 " + BenchReport.number(latency.p50Ms(), 2) + " ms, p99 "
						+ BenchReport.number(latency.p99Ms(), 2) + " ms, p99.9 "
						+ BenchReport.number(latency.p999Ms(), 2) + " ms" : "no sample")
				+ " (" + run.counts() + ")";
	}

	static String describeThroughput(String phase, Measurement run) {
		return phase + ", " + run.target() + ", throughput: " + BenchReport.number(run.perSecond(), 0)
				+ " requests/s over " + BenchReport.number(run.seconds(), 1) + " s (" + run.counts() + ")";
	}

}
