package io.llmfleet.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.embedded.registry.EmbeddedSchemaRegistry;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;

/**
 * The memory phase: the classifier, the dispatcher and one Ollama worker each in a JVM of
 * its own (as production runs them, with their default configuration: transactions on),
 * the broker, the registry and the simulator in this one. A throughput run goes through
 * them, then each one's resident memory is read from {@code /proc}. The services are
 * stopped on the way out, and by a shutdown hook should this JVM be stopped first.
 */
final class MemoryPhase {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

	private final BenchSettings settings;

	private final FleetConfiguration configuration;

	private final BenchReport report;

	private final Consumer<String> progress;

	MemoryPhase(BenchSettings settings, FleetConfiguration configuration, BenchReport report,
			Consumer<String> progress) {
		this.settings = settings;
		this.configuration = configuration;
		this.report = report;
		this.progress = progress;
	}

	void run() throws IOException, InterruptedException {
		Path dir = Files.createDirectories(this.settings.dataDir().resolve("memory"));
		List<ServiceProcess> services = new ArrayList<>();
		Thread stopServices = new Thread(() -> services.forEach(ServiceProcess::close), "bench-stop-services");
		Runtime.getRuntime().addShutdownHook(stopServices);
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
			broker.createTopics(this.configuration.topics().all(this.configuration.catalog()));
			try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
					BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults()
						.withOllamaModels(this.configuration.backendModels("ollama"))
						.withVllmModels(this.configuration.backendModels("vllm"))
						.withLatency(LatencyModel.instant()))) {
				List<String> common = List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
						"--spring.kafka.properties.schema.registry.url=" + registry.url(),
						"--spring.main.banner-mode=off", "--logging.config=classpath:logback-local.xml",
						// A service whose own threads are all daemons would exit as soon
						// as its main method returns.
						"--spring.main.keep-alive=true",
						// Each service's own management port, as in its own container.
						"--server.port=0");
				services.add(start("classifier-service", "io.llmfleet.classifier.ClassifierApplication", common,
						List.of(), dir));
				services.add(start("dispatcher-service", "io.llmfleet.dispatcher.DispatcherApplication", common,
						List.of(), dir));
				services.add(start("worker-ollama", "io.llmfleet.worker.ollama.OllamaWorkerApplication", common,
						List.of("--fleet.ollama.base-url=" + simulator.ollamaBaseUrl(),
								"--fleet.worker.id=bench-memory-worker"),
						dir));
				this.progress.accept("Started "
						+ services.stream().map((service) -> service.name() + " (pid " + service.pid() + ")").toList()
						+ ", logs in " + dir);
				measure(broker.bootstrapServers(), registry.url(), services);
			}
		}
		finally {
			services.forEach(ServiceProcess::close);
			try {
				Runtime.getRuntime().removeShutdownHook(stopServices);
			}
			catch (IllegalStateException ex) {
				// Shutting down already: the hook stops them.
			}
		}
	}

	private void measure(String bootstrapServers, String registryUrl, List<ServiceProcess> services)
			throws InterruptedException {
		try (FleetTarget target = new FleetTarget(BenchReport.FLEET, bootstrapServers, registryUrl,
				BenchPrompts.PROMPTS, this.settings.pin(), this.settings.maxTokens())) {
			awaitFirstAnswer(target, services);
			Measurement throughput = LoadDriver.throughput(target, 0, this.settings.memoryCount(),
					this.settings.window(), this.settings.runTimeout());
			this.report.throughput(FleetBench.OWN_JVMS, throughput);
			this.progress.accept(FleetBench.describeThroughput(FleetBench.OWN_JVMS, throughput));
			throughput.requireComplete("services in their own JVMs");
		}
		for (ServiceProcess service : services) {
			ProcessMemory memory = service.memory()
				.orElseThrow(() -> new IllegalStateException(
						service.name() + " is not running or its memory cannot be read; its output: " + service.log()));
			this.report.memory(service.name() + " (own JVM)", service.pid(), memory);
			this.progress.accept(service.name() + ": RSS " + BenchReport.number(memory.rssMib(), 0) + " MiB, peak "
					+ BenchReport.number(memory.peakRssMib(), 0) + " MiB");
		}
	}

	private ServiceProcess start(String name, String mainClass, List<String> common, List<String> extra, Path dir) {
		List<String> arguments = new ArrayList<>(common);
		arguments.add("--logging.file.name=" + dir.resolve(name + ".log"));
		arguments.addAll(extra);
		return ServiceProcess.start(name, mainClass, this.settings.serviceJvmOptions(), arguments,
				dir.resolve(name + ".out"));
	}

	/** Waits for one request's answer, failing early when a service has exited. */
	private void awaitFirstAnswer(FleetTarget target, List<ServiceProcess> services) throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		CompletableFuture<Void> answer = target.submit(0);
		while (true) {
			try {
				answer.get(1, TimeUnit.SECONDS);
				this.progress.accept("Services answering");
				return;
			}
			catch (TimeoutException ex) {
				for (ServiceProcess service : services) {
					if (!service.isAlive()) {
						throw new IllegalStateException(service.name() + " exited; its output: " + service.log());
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("No answer from the services in their own JVMs after "
							+ READY_TIMEOUT + "; their output is under " + services.get(0).log().getParent());
				}
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("The first request failed: " + ex.getCause().getMessage(), ex);
			}
		}
	}

}
