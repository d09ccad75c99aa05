package io.llmfleet.benchmarks;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.dispatcher.DispatcherProperties;
import io.llmfleet.dispatcher.capacity.CapacityView;
import io.llmfleet.dispatcher.health.ModelBreakers;
import io.llmfleet.dispatcher.health.ModelLoad;
import io.llmfleet.dispatcher.routing.Decision;
import io.llmfleet.dispatcher.routing.Placement;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ModelSlots;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * One dispatch decision, {@link Router#first}, as the dispatcher service wires it: the
 * default catalogue (three tiers, six models) and dispatcher settings bound from
 * {@code fleet-defaults.yml} and {@code dispatcher-service.yml}, a capacity view of eight
 * live GPU workers (each of the six models on one or two of them, some loaded, some slots
 * busy, one worker full), closed circuit breakers fed with outcomes, measured latencies
 * and queue depths per model. Each invocation takes the next of 24 classified requests
 * (the three tiers, a few pinned, a few needing a long context). The decision's record
 * and its log line are built as in service; the log line is not written (the
 * {@code io.llmfleet} loggers are set to WARN, as the CLI's console is).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class DispatchBenchmark {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static final long GIB = 1024L * 1024 * 1024;

	private Router router;

	private List<ClassifiedRequest> requests;

	private int next;

	@Setup
	public void setUp() throws IOException {
		quietLogs();
		Binder binder = binder();
		FleetCatalog catalog = binder.bindOrCreate("fleet.catalog", FleetCatalog.class);
		DispatcherProperties properties = binder.bindOrCreate("fleet.dispatcher", DispatcherProperties.class);
		// A fixed clock: the reports stay live for the whole run.
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		CapacityView capacity = new CapacityView(properties.missedHeartbeats(), clock);
		ModelBreakers breakers = new ModelBreakers(properties.breaker());
		ModelLoad load = new ModelLoad(properties.expectedLatency(), properties.breaker().probeTimeout(), clock);
		List<Model> models = catalog.models();
		for (int worker = 0; worker < 8; worker++) {
			Model first = models.get(worker % models.size());
			List<Model> served = catalog.models()
				.stream()
				.filter((model) -> model.backend().equals(first.backend()))
				.toList();
			capacity.apply("gpu-" + worker, report("gpu-" + worker, served, first, (worker == 5) ? 4 : worker % 3));
		}
		int sequence = 0;
		for (Model model : models) {
			for (int i = 0; i < 20; i++) {
				RoutingOutcome outcome = RoutingOutcome.newBuilder()
					.setRequestId("warm-" + sequence++)
					.setTier(model.tier())
					.setModelId(model.id())
					.setStatus(ResultStatus.OK)
					.setBackendMs(400L + 150L * models.indexOf(model) + (i % 5) * 40L)
					.setFinishedAt(NOW)
					.build();
				breakers.record(outcome);
				load.finished(outcome);
			}
			for (int i = 0; i < models.indexOf(model) % 3; i++) {
				load.routed("pending-" + sequence++, model.id());
			}
		}
		this.router = new Router(catalog, new Placement(catalog, capacity, breakers, load, properties),
				properties.defaultMaxTokens());
		this.requests = requests(catalog);
		// Every request of the mix must be routed: a finished one would measure the wrong
		// path.
		for (ClassifiedRequest request : this.requests) {
			Decision decision = this.router.first(request);
			if (!(decision instanceof Decision.Route)) {
				throw new IllegalStateException(
						"Request " + request.getRequest().getRequestId() + " is not routed: " + decision);
			}
		}
	}

	private int advance() {
		int current = this.next;
		this.next = (current + 1 == this.requests.size()) ? 0 : current + 1;
		return current;
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Decision first() {
		return this.router.first(this.requests.get(advance()));
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public Decision firstLatency() {
		return this.router.first(this.requests.get(advance()));
	}

	/** A live worker serving {@code served}, with {@code loaded} in VRAM. */
	private static CapacityReport report(String workerId, List<Model> served, Model loaded, int busy) {
		return CapacityReport.newBuilder()
			.setWorkerId(workerId)
			.setHost("host-" + workerId)
			.setSource(CapacitySource.NVML)
			.setVramTotalBytes(80 * GIB)
			.setVramUsedBytes(loaded.vram().toBytes())
			.setVramFreeBytes(80 * GIB - loaded.vram().toBytes())
			.setModelsServed(served.stream().map(Model::id).toList())
			.setModelsLoaded(List.of(new LoadedModel(loaded.id(), loaded.vram().toBytes(), false)))
			.setSlots(served.stream()
				.map((model) -> new ModelSlots(model.id(), model.equals(loaded) ? busy : 0, 4))
				.toList())
			.setInFlight(busy)
			.setMaxConcurrency(4 * served.size())
			.setReportedAt(NOW)
			.setHeartbeatMs(2000)
			.build();
	}

	/** Requests of every tier, a few pinned, a few with long prompts or completions. */
	private static List<ClassifiedRequest> requests(FleetCatalog catalog) {
		List<ClassifiedRequest> requests = new ArrayList<>();
		List<String> tiers = catalog.tierNames();
		for (int i = 0; i < 24; i++) {
			String tier = tiers.get(i % tiers.size());
			Model pinned = (i % 8 == 7) ? catalog.models().get(i % catalog.models().size()) : null;
			int promptTokens = (i % 6 == 5) ? 40_000 : 40 + 37 * i;
			InferenceRequest request = InferenceRequest.newBuilder()
				.setRequestId("bench-" + i)
				.setReplyTo("fleet.results")
				.setMessages(List.of(new ChatMessage("user", "prompt " + i)))
				.setModel((pinned != null) ? pinned.id() : null)
				.setOptions((i % 4 == 0) ? GenerationOptions.newBuilder().setMaxTokens(1024).build() : null)
				.setCreatedAt(NOW)
				.setDeadlineAt(NOW.plusSeconds(300))
				.build();
			String classified = (pinned != null) ? pinned.tier() : tier;
			Classification classification = Classification.newBuilder()
				.setTier(classified)
				.setConfidence((pinned != null) ? 1.0 : 0.7 + (i % 3) * 0.1)
				.setTierScores(Map.of(classified, 0.8))
				.setCapabilities(List.of("factual"))
				.setLanguage("en")
				.setComplexity(0.3)
				.setEstPromptTokens(promptTokens)
				.setClassifier("tier-lr@bench")
				.setPinned(pinned != null)
				.build();
			requests.add(new ClassifiedRequest(request, classification, NOW));
		}
		return requests;
	}

	private static Binder binder() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (String file : List.of("dispatcher-service.yml", "fleet-defaults.yml")) {
			loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
		}
		return Binder.get(environment);
	}

	/** The decision line is built as in service; writing it is the appender's cost. */
	private static void quietLogs() {
		if (LoggerFactory.getLogger("io.llmfleet") instanceof ch.qos.logback.classic.Logger logger) {
			logger.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

}
