package io.llmfleet.worker.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaOperations;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendStatus;

/**
 * Writes this worker's {@link CapacityReport}, keyed by worker id, to the capacity topic:
 * every heartbeat, and at once when a model is loaded or unloaded (as the backend's
 * status, polled every status poll, says), a warm-up starts or ends, or a model's slots
 * become full or stop being full. Asking the backend for its status has a timeout of its
 * own, independent of the poll and heartbeat, so a backend busy serving is not reported
 * as unreadable. On the way down it reports {@code draining=true} before the listener
 * containers stop taking work, and once more after they stopped.
 *
 * <p>
 * Everything runs on one daemon thread, so reports never interleave. A send waits for the
 * broker's acknowledgement at most {@link #sendTimeout}; a failed send, a backend status
 * that cannot be read or a GPU read error is logged once when it starts and once when it
 * ends, never thrown, and never stops the heartbeat.
 */
public class CapacityReporter implements SmartLifecycle {

	/** Starts before the listener containers and stops after them. */
	public static final int PHASE = Integer.MAX_VALUE - 1000;

	private static final Logger logger = LoggerFactory.getLogger(CapacityReporter.class);

	private static final Duration MIN_SEND_TIMEOUT = Duration.ofSeconds(5);

	private final KafkaOperations<String, Object> kafka;

	private final String topic;

	private final Backend backend;

	private final GpuProbe probe;

	private final InFlightSlots slots;

	private final LoadingModels loading;

	private final List<Model> served;

	private final CapacityReports.Identity identity;

	private final Duration statusPoll;

	private final Duration statusTimeout;

	private final Duration sendTimeout;

	private final AtomicBoolean wakePending = new AtomicBoolean();

	private volatile ScheduledExecutorService executor;

	private volatile boolean draining;

	// the fields below are touched by the reporter thread only

	private boolean sentAny;

	private long lastSentNanos;

	private Set<String> lastLoaded;

	private Set<String> lastFull = Set.of();

	private Set<String> lastWarming = Set.of();

	private String statusError;

	private String sendError;

	/**
	 * Creates a reporter; it reports nothing until started.
	 * @param kafka the worker's (non-transactional) template
	 * @param topic the capacity topic
	 * @param backend the backend whose status goes into reports
	 * @param probe reads the GPU
	 * @param slots calls in flight per model
	 * @param loading the models being warmed up
	 * @param served the served catalogue models
	 * @param workerId the worker id, the key of every report
	 * @param host this host's name
	 * @param heartbeat the longest time between two reports
	 * @param statusPoll how often the backend's status is polled for loaded models
	 * @param statusTimeout how long asking the backend for its status may take
	 */
	public CapacityReporter(KafkaOperations<String, Object> kafka, String topic, Backend backend, GpuProbe probe,
			InFlightSlots slots, LoadingModels loading, List<Model> served, String workerId, String host,
			Duration heartbeat, Duration statusPoll, Duration statusTimeout) {
		this.kafka = kafka;
		this.topic = topic;
		this.backend = backend;
		this.probe = probe;
		this.slots = slots;
		this.loading = loading;
		this.served = List.copyOf(served);
		this.identity = new CapacityReports.Identity(workerId, host, heartbeat);
		this.statusPoll = statusPoll;
		this.statusTimeout = statusTimeout;
		this.sendTimeout = (heartbeat.compareTo(MIN_SEND_TIMEOUT) > 0) ? heartbeat : MIN_SEND_TIMEOUT;
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "capacity-" + this.identity.workerId());
			thread.setDaemon(true);
			return thread;
		});
		this.executor = started;
		this.slots.onFullChange(this::wake);
		this.loading.onChange(this::wake);
		started.scheduleWithFixedDelay(() -> poll(null), 0, this.statusPoll.toMillis(), TimeUnit.MILLISECONDS);
		logger.info("Worker {} reports capacity to {} every {} ms, polling its backend every {} ms",
				this.identity.workerId(), this.topic, this.identity.heartbeat().toMillis(), this.statusPoll.toMillis());
	}

	/**
	 * Reports {@code draining=true} and returns once the broker has it (or the send timed
	 * out): the worker is about to stop taking work. Called before the listener
	 * containers stop.
	 */
	public void drain() {
		this.draining = true;
		runNow("draining");
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return;
		}
		this.slots.onFullChange(() -> {
		});
		this.loading.onChange(() -> {
		});
		this.draining = true;
		runNow("stopped");
		this.executor = null;
		running.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private void wake() {
		ScheduledExecutorService running = this.executor;
		if (running != null && this.wakePending.compareAndSet(false, true)) {
			try {
				running.execute(() -> {
					this.wakePending.set(false);
					poll(null);
				});
			}
			catch (RejectedExecutionException ex) {
				// stopping: the last report goes out from stop()
			}
		}
	}

	private void runNow(String reason) {
		ScheduledExecutorService running = this.executor;
		if (running == null) {
			return;
		}
		try {
			running.submit(() -> poll(reason)).get(this.sendTimeout.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException | RejectedExecutionException ex) {
			logger.warn("Worker {} could not report {} in time: {}", this.identity.workerId(), reason, ex.toString());
		}
	}

	/** One poll: reads everything and reports when forced, changed or due. */
	private void poll(String forced) {
		try {
			BackendStatus status = backendStatus();
			GpuReading gpu = this.probe.read();
			Set<String> loaded = CapacityReports.loadedIds(status);
			Set<String> full = this.slots.full();
			Set<String> warming = this.loading.ids();
			String reason = (forced != null) ? forced : reason(loaded, full, warming);
			if (reason != null) {
				CapacityReport report = CapacityReports.build(this.identity, this.served, gpu, status, this.slots,
						warming, this.draining, Instant.now());
				send(report, reason);
				this.sentAny = true;
				this.lastSentNanos = System.nanoTime();
				this.lastLoaded = (loaded != null) ? loaded : this.lastLoaded;
				this.lastFull = full;
				this.lastWarming = warming;
			}
		}
		catch (RuntimeException ex) {
			// an exception would cancel every later run of the scheduled poll
			logger.warn("Worker {} capacity poll failed: {}; next: poll again", this.identity.workerId(),
					ex.toString());
		}
	}

	private String reason(Set<String> loaded, Set<String> full, Set<String> warming) {
		if (!this.sentAny) {
			return "start";
		}
		if (loaded != null && this.lastLoaded != null && !loaded.equals(this.lastLoaded)) {
			return "models loaded " + this.lastLoaded + " -> " + loaded;
		}
		if (!full.equals(this.lastFull)) {
			return "full slots " + this.lastFull + " -> " + full;
		}
		if (!warming.equals(this.lastWarming)) {
			return "warming up " + this.lastWarming + " -> " + warming;
		}
		// half a poll of slack, so a heartbeat is not pushed a whole poll late
		long dueNanos = this.identity.heartbeat().minus(this.statusPoll.dividedBy(2)).toNanos();
		return (System.nanoTime() - this.lastSentNanos >= dueNanos) ? "heartbeat" : null;
	}

	private BackendStatus backendStatus() {
		BackendStatus status;
		try {
			status = this.backend.status(this.served, this.statusTimeout);
		}
		catch (RuntimeException ex) {
			status = BackendStatus.failed(this.backend.kind() + " status failed: " + ex);
		}
		if (Thread.currentThread().isInterrupted()) {
			// the reporter is stopping: the last report goes out without the status
			return status;
		}
		if (!Objects.equals(status.error(), this.statusError)) {
			if (status.error() != null) {
				logger.warn("Worker {} cannot read its backend's status: {}; next: report without backend fields",
						this.identity.workerId(), status.error());
			}
			else {
				logger.info("Worker {} reads its backend's status again", this.identity.workerId());
			}
			this.statusError = status.error();
		}
		return status;
	}

	private void send(CapacityReport report, String reason) {
		String error = null;
		try {
			this.kafka.send(this.topic, this.identity.workerId(), report)
				.get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			logger.debug("Worker {} reported capacity ({}): {} in flight, full {}, loaded {}, draining {}",
					this.identity.workerId(), reason, report.getInFlight(), this.slots.full(),
					report.getModelsLoaded().size(), report.getDraining());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (ExecutionException ex) {
			error = String.valueOf(ex.getCause());
		}
		catch (TimeoutException ex) {
			error = "no acknowledgement within " + this.sendTimeout.toMillis() + " ms";
		}
		catch (RuntimeException ex) {
			error = ex.toString();
		}
		if (!Objects.equals(error, this.sendError)) {
			if (error != null) {
				logger.warn("Worker {} cannot write its capacity report to {}: {}; next: try again next heartbeat",
						this.identity.workerId(), this.topic, error);
			}
			else {
				logger.info("Worker {} writes its capacity reports again", this.identity.workerId());
			}
			this.sendError = error;
		}
	}

}
