package io.llmfleet.cli.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.classifier.ClassifierApplication;
import io.llmfleet.dispatcher.DispatcherApplication;
import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.embedded.registry.EmbeddedSchemaRegistry;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.worker.ollama.OllamaWorkerApplication;
import io.llmfleet.worker.vllm.VllmWorkerApplication;

/**
 * The whole fleet in one JVM with zero setup: a real single-node KRaft broker with its
 * data under a directory, the embedded schema registry, the classifier, the dispatcher
 * and one Ollama and one vLLM worker. A backend that does not answer on its usual local
 * port is replaced by the backend simulator, and {@link #simulatedBackends()} says which.
 */
public final class LocalFleet implements AutoCloseable {

	private static final URI LOCAL_OLLAMA = URI.create("http://127.0.0.1:11434/");

	private static final URI LOCAL_VLLM = URI.create("http://127.0.0.1:8000/health");

	/**
	 * The classifier's and dispatcher's consumer groups: their
	 * {@code spring.application.name}.
	 */
	private static final String CLASSIFIER = "classifier-service";

	private static final String DISPATCHER = "dispatcher-service";

	private static final Duration GROUPS_READY_TIMEOUT = Duration.ofSeconds(90);

	private final List<AutoCloseable> started = new ArrayList<>();

	private final List<String> simulated = new ArrayList<>();

	private EmbeddedKafkaBroker broker;

	private EmbeddedSchemaRegistry registry;

	private BackendSimulator simulator;

	private FleetConfiguration configuration;

	private URI ollama;

	private URI vllm;

	private List<String> common;

	private boolean actuator;

	private final Map<String, URI> actuators = new LinkedHashMap<>();

	private LocalFleet() {
	}

	/**
	 * Starts everything and returns once every service is running.
	 * @param settings where and how
	 * @param say where progress lines go
	 */
	public static LocalFleet start(LocalFleetSettings settings, Consumer<String> say) {
		LocalFleet fleet = new LocalFleet();
		try {
			fleet.startAll(settings, say);
			return fleet;
		}
		catch (RuntimeException ex) {
			fleet.close();
			throw ex;
		}
	}

	private void startAll(LocalFleetSettings settings, Consumer<String> say) {
		// The JDK's HTTP server reads this once, at its first start in the JVM (the
		// registry's, here):
		// without it every streamed simulator reply waits about 40 ms for Nagle's
		// algorithm.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
		FleetConfiguration configuration = FleetConfiguration.defaults();
		this.configuration = configuration;
		this.broker = remember(EmbeddedKafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort()));
		say.accept("Kafka (embedded KRaft broker) on " + this.broker.bootstrapServers() + ", data in "
				+ settings.dataDir().resolve("kafka"));
		this.broker.createTopics(configuration.topics().all(configuration.catalog()));
		this.registry = remember(EmbeddedSchemaRegistry.start(this.broker.bootstrapServers(), settings.registryPort()));
		say.accept("Schema registry (embedded) on " + this.registry.url());

		URI ollama = LOCAL_OLLAMA;
		URI vllm = URI.create("http://127.0.0.1:8000");
		boolean ollamaRunning = !settings.simulateBackends() && answers(LOCAL_OLLAMA);
		boolean vllmRunning = !settings.simulateBackends() && answers(LOCAL_VLLM);
		if (!ollamaRunning || !vllmRunning) {
			this.simulator = remember(BackendSimulator.start(SimulatorSettings.defaults()
				.withOllamaModels(configuration.backendModels("ollama"))
				.withVllmModels(configuration.backendModels("vllm"))
				.withLatency(settings.latency())));
			if (!ollamaRunning) {
				ollama = this.simulator.ollamaBaseUrl();
				this.simulated.add("ollama");
			}
			if (!vllmRunning) {
				vllm = this.simulator.vllmBaseUrl();
				this.simulated.add("vllm");
			}
		}
		say.accept("Ollama: "
				+ (ollamaRunning ? "real server at " : "SIMULATED (no Ollama answers on 127.0.0.1:11434) at ")
				+ ollama);
		say.accept("vLLM:   " + (vllmRunning ? "real server at " : "SIMULATED (no vLLM answers on 127.0.0.1:8000) at ")
				+ vllm);

		this.ollama = ollama;
		this.vllm = vllm;
		this.common = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + this.broker.bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=" + this.registry.url(),
				"--spring.main.banner-mode=off"));
		this.common.addAll(settings.extraArguments());
		this.actuator = settings.actuator();
		run(ClassifierApplication.builder(), this.common);
		run(DispatcherApplication.builder(), this.common);
		List<String> groups = new ArrayList<>(List.of(CLASSIFIER, DISPATCHER));
		if (settings.workers()) {
			run(OllamaWorkerApplication.builder(), with(this.common, "--fleet.ollama.base-url=" + ollama));
			run(VllmWorkerApplication.builder(), with(this.common, "--fleet.vllm.base-url=" + vllm));
			configuration.catalog().modelIds().forEach((id) -> groups.add(configuration.topics().workerGroup(id)));
		}
		ConsumerGroupsReady.await(this.broker.bootstrapServers(), groups, GROUPS_READY_TIMEOUT);
		say.accept("Services: " + CLASSIFIER + ", " + DISPATCHER
				+ (settings.workers() ? ", worker-ollama, worker-vllm" : "") + " (consumer groups ready)");
		this.actuators.forEach((service, url) -> say.accept("Actuator of " + service + ": " + url));
	}

	/**
	 * Starts one more worker against this fleet's backend of its kind and returns once
	 * its models' consumer groups are ready. Closing the returned context stops it.
	 * @param backend {@code ollama} or {@code vllm}
	 * @param models the catalogue models it serves
	 * @param arguments further Spring arguments ({@code --key=value})
	 * @return the running worker
	 */
	public ConfigurableApplicationContext startWorker(String backend, List<String> models, List<String> arguments) {
		List<String> all = new ArrayList<>(this.common);
		all.add("--fleet.worker.models=" + String.join(",", models));
		all.addAll(arguments);
		SpringApplicationBuilder application;
		if (backend.equals("ollama")) {
			application = OllamaWorkerApplication.builder();
			all.add("--fleet.ollama.base-url=" + this.ollama);
		}
		else {
			application = VllmWorkerApplication.builder();
			all.add("--fleet.vllm.base-url=" + this.vllm);
		}
		ConfigurableApplicationContext worker = run(application, all);
		ConsumerGroupsReady.await(this.broker.bootstrapServers(),
				models.stream().map(this.configuration.topics()::workerGroup).toList(), GROUPS_READY_TIMEOUT);
		return worker;
	}

	/** The simulator serving the backends that do not run here; null when both do. */
	public BackendSimulator simulator() {
		return this.simulator;
	}

	/** Kafka's bootstrap servers. */
	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/** The schema registry's URL. */
	public String registryUrl() {
		return this.registry.url();
	}

	/** The backends served by the simulator ({@code ollama}, {@code vllm}). */
	public List<String> simulatedBackends() {
		return List.copyOf(this.simulated);
	}

	private ConfigurableApplicationContext run(SpringApplicationBuilder application, List<String> arguments) {
		if (this.actuator) {
			// Every service in this JVM gets its own free port for health and Prometheus.
			application.web(WebApplicationType.SERVLET);
			arguments = with(arguments, "--server.port=0");
		}
		ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
		remember(context::close);
		String port = context.getEnvironment().getProperty("local.server.port");
		if (port != null) {
			String name = context.getEnvironment().getProperty("spring.application.name", "service");
			String id = context.getEnvironment().getProperty("fleet.worker.id");
			this.actuators.put((id != null) ? name + " " + id : name,
					URI.create("http://127.0.0.1:" + port + "/actuator"));
		}
		return context;
	}

	/**
	 * Each service's actuator base URL ({@code .../actuator}, with {@code /health} and
	 * {@code /prometheus}), when the fleet runs with the actuator on.
	 */
	public Map<String, URI> actuators() {
		return Map.copyOf(this.actuators);
	}

	private <T extends AutoCloseable> T remember(T resource) {
		this.started.add(resource);
		return resource;
	}

	private static List<String> with(List<String> arguments, String extra) {
		List<String> all = new ArrayList<>(arguments);
		all.add(extra);
		return all;
	}

	private static boolean answers(URI uri) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
		try {
			HttpResponse<Void> response = http.send(
					HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** Stops the services, then the simulator, the registry and the broker. */
	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			try {
				this.started.get(i).close();
			}
			catch (Exception ex) {
				// Keep closing the rest: one stuck part must not leave the broker
				// running.
			}
		}
		this.started.clear();
	}

	/** Where the fleet keeps its data, relative to the working directory. */
	public static Path defaultDataDir() {
		return Path.of(".fleet");
	}

}
