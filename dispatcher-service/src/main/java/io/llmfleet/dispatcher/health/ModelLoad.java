package io.llmfleet.dispatcher.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * How busy and how fast each model is, from this dispatcher's point of view: the requests
 * it routed to a model whose outcome has not come back (its queue depth, counted exactly
 * for what this dispatcher routed, where worker reports lag by up to a heartbeat), and a
 * moving average of the model's backend time from the outcomes. Requests whose outcome
 * never comes (their worker died with them) are forgotten after {@code forgetAfter}, so
 * the depth does not drift up forever. Thread-safe.
 */
public class ModelLoad {

	/** Weight of the newest outcome in the latency average. */
	private static final double SMOOTHING = 0.2;

	private final Map<String, Pending> pendingByRequest = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> pendingByModel = new ConcurrentHashMap<>();

	private final Map<String, Double> latencyMs = new ConcurrentHashMap<>();

	private final AtomicLong routedCount = new AtomicLong();

	private final double defaultLatencyMs;

	private final Duration forgetAfter;

	private final Clock clock;

	public ModelLoad(Duration defaultLatency, Duration forgetAfter, Clock clock) {
		this.defaultLatencyMs = defaultLatency.toMillis();
		this.forgetAfter = forgetAfter;
		this.clock = clock;
	}

	/** A request was routed to a model. */
	public void routed(String requestId, String modelId) {
		Instant now = this.clock.instant();
		Pending replaced = this.pendingByRequest.put(requestId, new Pending(modelId, now));
		if (replaced != null) {
			count(replaced.modelId()).decrementAndGet();
		}
		count(modelId).incrementAndGet();
		if (this.routedCount.incrementAndGet() % 1024 == 0) {
			Instant horizon = now.minus(this.forgetAfter);
			this.pendingByRequest.forEach((id, pending) -> {
				if (pending.since().isBefore(horizon)) {
					forget(id, pending);
				}
			});
		}
	}

	/** An attempt finished. */
	public void finished(RoutingOutcome outcome) {
		Pending pending = this.pendingByRequest.get(outcome.getRequestId());
		if (pending != null && pending.modelId().equals(outcome.getModelId())) {
			forget(outcome.getRequestId(), pending);
		}
		if (outcome.getStatus() == ResultStatus.OK && outcome.getModelId() != null && outcome.getBackendMs() != null) {
			double observed = outcome.getBackendMs();
			this.latencyMs.merge(outcome.getModelId(), observed,
					(average, latest) -> average + SMOOTHING * (latest - average));
		}
	}

	/** Requests routed to the model that have not finished. */
	public int pending(String modelId) {
		return Math.max(0, count(modelId).get());
	}

	/** The model's expected backend time in milliseconds. */
	public double expectedLatencyMs(String modelId) {
		return this.latencyMs.getOrDefault(modelId, this.defaultLatencyMs);
	}

	/** Whether the latency estimate comes from outcomes rather than the default. */
	public boolean measured(String modelId) {
		return this.latencyMs.containsKey(modelId);
	}

	private void forget(String requestId, Pending pending) {
		if (this.pendingByRequest.remove(requestId, pending)) {
			count(pending.modelId()).decrementAndGet();
		}
	}

	private AtomicInteger count(String modelId) {
		return this.pendingByModel.computeIfAbsent(modelId, (id) -> new AtomicInteger());
	}

	private record Pending(String modelId, Instant since) {
	}

}
