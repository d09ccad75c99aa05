package io.llmfleet.dispatcher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;
import io.llmfleet.dispatcher.DispatcherProperties.Breaker;
import io.llmfleet.dispatcher.DispatcherProperties.WhenFull;
import io.llmfleet.dispatcher.capacity.CapacityView;
import io.llmfleet.dispatcher.fallback.FallbackPlanner;
import io.llmfleet.dispatcher.health.ModelBreakers;
import io.llmfleet.dispatcher.health.ModelLoad;
import io.llmfleet.dispatcher.routing.Placement;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ModelSlots;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * A dispatcher's decision parts wired as in the application, on a small catalogue (tiers
 * light < coding < deep; models l1, c1, d1, d2) and a clock the test moves.
 */
public final class Fleet {

	public static final FleetCatalog CATALOG = new FleetCatalog(
			List.of(new Tier("light", List.of()), new Tier("coding", List.of("light")),
					new Tier("deep", List.of("coding", "light"))),
			List.of(model("l1", "light", 8192, 2), model("c1", "coding", 8192, 6), model("d1", "deep", 8192, 20),
					model("d2", "deep", 32768, 20)));

	public static final long GIB = 1024L * 1024 * 1024;

	public final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

	public final DispatcherProperties properties;

	public final CapacityView capacity;

	public final ModelBreakers breakers;

	public final ModelLoad load;

	public final Router router;

	public final FallbackPlanner planner;

	public Fleet() {
		this(WhenFull.QUEUE);
	}

	public Fleet(WhenFull whenFull) {
		this.properties = new DispatcherProperties(4, 512, whenFull, Duration.ofSeconds(1), Duration.ofSeconds(10), 3,
				Duration.ofSeconds(1), new Breaker(50, 4, 4, Duration.ofSeconds(30), 1, Duration.ofMinutes(2)));
		this.capacity = new CapacityView(3, this.clock);
		this.breakers = new ModelBreakers(this.properties.breaker());
		this.load = new ModelLoad(this.properties.expectedLatency(), Duration.ofMinutes(10), this.clock);
		this.router = new Router(CATALOG,
				new Placement(CATALOG, this.capacity, this.breakers, this.load, this.properties), 512);
		this.planner = new FallbackPlanner(CATALOG, this.router, this.properties.maxAttempts());
	}

	/**
	 * A worker report: serves {@code models}, has them loaded, {@code freeGib} VRAM free,
	 * no call in flight.
	 */
	public CapacityReport report(String workerId, double freeGib, String... models) {
		return CapacityReport.newBuilder()
			.setWorkerId(workerId)
			.setHost("host-" + workerId)
			.setSource(CapacitySource.NVML)
			.setVramTotalBytes(80 * GIB)
			.setVramFreeBytes((long) (freeGib * GIB))
			.setModelsServed(List.of(models))
			.setModelsLoaded(List.of())
			.setSlots(List.of(models).stream().map((id) -> new ModelSlots(id, 0, 2)).toList())
			.setMaxConcurrency(2)
			.setReportedAt(this.clock.instant())
			.setHeartbeatMs(2000)
			.build();
	}

	/** Marks {@code modelId} loaded in {@code report}. */
	public static CapacityReport loaded(CapacityReport report, String modelId) {
		report.setModelsLoaded(List.of(new LoadedModel(modelId, 5 * GIB, false)));
		return report;
	}

	/** Sets a model's calls in flight in {@code report}. */
	public static CapacityReport busy(CapacityReport report, String modelId, int inFlight) {
		report.setSlots(report.getSlots()
			.stream()
			.map((slots) -> slots.getModelId().equals(modelId) ? new ModelSlots(modelId, inFlight, 2) : slots)
			.toList());
		return report;
	}

	/** Every model of the catalogue served and loaded by one live worker each. */
	public void allServed() {
		for (Model model : CATALOG.models()) {
			this.capacity.apply("w-" + model.id(), loaded(report("w-" + model.id(), 40, model.id()), model.id()));
		}
	}

	/** A finished attempt on {@code modelId}. */
	public static RoutingOutcome outcome(String modelId, ErrorKind failure, long backendMs) {
		return RoutingOutcome.newBuilder()
			.setRequestId("r-" + System.nanoTime())
			.setTier("any")
			.setModelId(modelId)
			.setStatus((failure == null) ? ResultStatus.OK : ResultStatus.FAILED)
			.setErrorKind(failure)
			.setBackendMs(backendMs)
			.setFinishedAt(Instant.now())
			.build();
	}

	/** A request classified in {@code tier}. */
	public static ClassifiedRequest classified(String tier, int promptTokens, boolean allowFallback) {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("r-" + System.nanoTime())
			.setMessages(List.of(new ChatMessage("user", "hi")))
			.setAllowFallback(allowFallback)
			.setCreatedAt(Instant.now())
			.build();
		Classification classification = Classification.newBuilder()
			.setTier(tier)
			.setConfidence(0.9)
			.setClassifier("test@1")
			.setEstPromptTokens(promptTokens)
			.build();
		return new ClassifiedRequest(request, classification, Instant.now());
	}

	private static Model model(String id, String tier, int context, int vramGib) {
		return new Model(id, "ollama", id, tier, context, DataSize.ofGigabytes(vramGib));
	}

	/** A clock a test moves by hand. */
	public static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant start) {
			this.now = start;
		}

		public void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
