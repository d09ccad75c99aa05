package io.llmfleet.dispatcher.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ModelSlots;

/**
 * The latest capacity report of every worker, as the compacted capacity topic holds them.
 * A worker whose last report is older than its heartbeat times the allowed misses is
 * dead; one that said it is draining takes nothing more. Liveness is judged on the
 * worker's own {@code reported_at}, so a view rebuilt at start does not take long-dead
 * workers for live ones (hosts need synchronised clocks, as Kafka's own tooling assumes).
 * Thread-safe.
 */
public class CapacityView {

	private static final Logger logger = LoggerFactory.getLogger(CapacityView.class);

	private final Map<String, CapacityReport> byWorker = new ConcurrentHashMap<>();

	private final int missedHeartbeats;

	private final Clock clock;

	public CapacityView(int missedHeartbeats, Clock clock) {
		this.missedHeartbeats = missedHeartbeats;
		this.clock = clock;
	}

	/** Takes a worker's report; a null report (a tombstone) forgets the worker. */
	public void apply(String workerId, CapacityReport report) {
		if (report == null) {
			this.byWorker.remove(workerId);
			return;
		}
		CapacityReport previous = this.byWorker.put(report.getWorkerId(), report);
		if (previous == null || previous.getDraining() != report.getDraining()) {
			logger.info("Worker {} on {} {}: serves {}, {} free of {} ({})", report.getWorkerId(), report.getHost(),
					report.getDraining() ? "is draining" : "reports", report.getModelsServed(),
					gib(report.getVramFreeBytes()), gib(report.getVramTotalBytes()), report.getSource());
		}
	}

	/** The reports of the workers alive now. */
	public List<CapacityReport> live() {
		Instant now = this.clock.instant();
		return this.byWorker.values().stream().filter((report) -> alive(report, now)).toList();
	}

	/** How many workers have a report in the view, live or not. */
	public int known() {
		return this.byWorker.size();
	}

	/** The age of the oldest report among live workers; zero when none is live. */
	public Duration stalestLiveReportAge() {
		Instant now = this.clock.instant();
		return live().stream()
			.map((report) -> Duration.between(report.getReportedAt(), now))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	/** What the live workers can do for {@code model} now. */
	public ModelCapacity of(Model model) {
		Instant now = this.clock.instant();
		List<CapacityReport> serving = this.byWorker.values()
			.stream()
			.filter((report) -> report.getModelsServed().contains(model.id()))
			.toList();
		if (serving.isEmpty()) {
			return ModelCapacity.unknown();
		}
		List<CapacityReport> live = serving.stream()
			.filter((report) -> alive(report, now) && !report.getDraining())
			.toList();
		if (live.isEmpty()) {
			return ModelCapacity.none("no live worker (" + serving.size() + " silent for " + this.missedHeartbeats
					+ " heartbeats or draining)");
		}
		int hosts = 0;
		int slots = 0;
		int inFlight = 0;
		int withFreeSlot = 0;
		boolean loaded = false;
		long mostFree = 0;
		for (CapacityReport report : live) {
			boolean loadedHere = isLoaded(report, model.id());
			mostFree = Math.max(mostFree, report.getVramFreeBytes());
			if (!loadedHere && report.getVramFreeBytes() < model.vram().toBytes()) {
				continue;
			}
			hosts++;
			loaded |= loadedHere;
			ModelSlots modelSlots = slotsOf(report, model.id());
			slots += modelSlots.getMaxInFlight();
			inFlight += modelSlots.getInFlight();
			if (modelSlots.getInFlight() < modelSlots.getMaxInFlight()) {
				withFreeSlot++;
			}
		}
		if (hosts == 0) {
			return ModelCapacity.none("not loaded and needs " + gib(model.vram().toBytes()) + " VRAM; most free on "
					+ live.size() + " live worker(s) is " + gib(mostFree));
		}
		return new ModelCapacity(hosts, slots, inFlight, withFreeSlot, loaded, null, true);
	}

	private boolean alive(CapacityReport report, Instant now) {
		Duration silence = Duration.between(report.getReportedAt(), now);
		return silence.toMillis() <= report.getHeartbeatMs() * this.missedHeartbeats;
	}

	private static boolean isLoaded(CapacityReport report, String modelId) {
		return report.getModelsLoaded().stream().map(LoadedModel::getModelId).anyMatch(modelId::equals);
	}

	/** The model's slots on the worker; a report without them shares the worker's. */
	private static ModelSlots slotsOf(CapacityReport report, String modelId) {
		return report.getSlots()
			.stream()
			.filter((slots) -> slots.getModelId().equals(modelId))
			.findFirst()
			.orElseGet(() -> new ModelSlots(modelId, report.getInFlight(), report.getMaxConcurrency()));
	}

	private static String gib(long bytes) {
		return String.format("%.1f GiB", bytes / (1024.0 * 1024 * 1024));
	}

}
