package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.reply.Results;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.Timings;
import io.llmfleet.schemas.Usage;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendOutcome.Completed;
import io.llmfleet.worker.backend.BackendOutcome.Failed;
import io.llmfleet.worker.capacity.InFlightSlots;

/**
 * Serves one routed request: an expired one gets an EXPIRED result without reaching the
 * backend; otherwise the backend is called, TRANSIENT failures retried a few times, and
 * the request ends in exactly one OK result or one dead letter for the dispatcher to
 * re-route. It returns only once that exit is written, so the caller may then commit the
 * offset. Each finished attempt also leaves one routing outcome, and the backend call
 * holds one of its model's {@link InFlightSlots} while it runs. A call interrupted
 * because the worker is stopping writes nothing and ends in a
 * {@link CallAbandonedException}: the record is left for another worker, never
 * dead-lettered as a failure. Called from several slot threads at once; it holds no
 * per-call state.
 */
public class RoutedRequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(RoutedRequestHandler.class);

	private final Backend backend;

	private final ServedModels served;

	private final WorkerProperties properties;

	private final ResultPublisher publisher;

	private final InFlightSlots slots;

	private final AttemptOutcomes outcomes;

	RoutedRequestHandler(Backend backend, ServedModels served, WorkerProperties properties, ResultPublisher publisher,
			InFlightSlots slots, AttemptOutcomes outcomes) {
		this.backend = backend;
		this.served = served;
		this.properties = properties;
		this.publisher = publisher;
		this.slots = slots;
		this.outcomes = outcomes;
	}

	/**
	 * Handles one record from a model topic.
	 * @param record the record
	 * @throws CallAbandonedException when the worker stopped the call before it ended
	 */
	public void handle(ConsumerRecord<String, RoutedRequest> record) {
		RoutedRequest routed = record.value();
		InferenceRequest request = routed.getRequest();
		Instant started = Instant.now();
		if (Results.isExpired(request, started)) {
			logger.info("Request {} expired before worker {} called {}; next: EXPIRED result", request.getRequestId(),
					this.properties.id(), routed.getModelId());
			InferenceResult expired = Results.expired(request, "worker " + this.properties.id());
			expired.setHistory(routed.getHistory());
			this.publisher.publish(request, expired);
			this.outcomes.expired(routed, started);
			return;
		}
		Model model = this.served.models()
			.stream()
			.filter((candidate) -> candidate.id().equals(routed.getModelId()))
			.findFirst()
			.orElse(null);
		if (model == null) {
			Failed notServed = new Failed(ErrorKind.PERMANENT, "Worker " + this.properties.id()
					+ " does not serve model " + routed.getModelId() + "; it serves " + this.served.ids());
			deadLetter(record, notServed);
			this.outcomes.failed(routed, notServed.kind(), started, null);
			return;
		}
		BackendCall call = new BackendCall(request.getRequestId(), model.id(), model.backendModel(),
				request.getMessages(), request.getOptions(), callTimeout(request, started), model.contextLength());
		long backendStart = System.nanoTime();
		BackendOutcome outcome;
		try (InFlightSlots.Slot slot = this.slots.acquire(model.id())) {
			outcome = callWithRetries(call);
		}
		if (Thread.currentThread().isInterrupted()) {
			// the worker stops past its grace period: whatever the aborted call said
			throw CallAbandonedException.interrupted(this.properties.id(), call.requestId(), call.modelId());
		}
		long backendMs = Duration.ofNanos(System.nanoTime() - backendStart).toMillis();
		if (outcome instanceof Completed completed) {
			logCompleted(call, completed, backendMs);
			this.publisher.publish(request, okResult(routed, completed, started, backendMs));
			this.outcomes.ok(routed, completed, started, backendMs);
		}
		else {
			Failed failed = (Failed) outcome;
			deadLetter(record, failed);
			this.outcomes.failed(routed, failed.kind(), started, backendMs);
		}
	}

	private BackendOutcome callWithRetries(BackendCall call) {
		int attempts = this.properties.transientRetries() + 1;
		Duration backoff = this.properties.retryBackoff();
		for (int attempt = 1;; attempt++) {
			BackendOutcome outcome = this.backend.chat(call);
			if (!(outcome instanceof Failed failed) || failed.kind() != ErrorKind.TRANSIENT || attempt >= attempts
					|| Thread.currentThread().isInterrupted()) {
				return outcome;
			}
			logger.info("Backend call for {} on {} failed, attempt {}/{}: {}; next: retry in {} ms", call.requestId(),
					call.modelId(), attempt, attempts, failed.message(), backoff.toMillis());
			if (!Pauses.pause(backoff)) {
				throw CallAbandonedException.interrupted(this.properties.id(), call.requestId(), call.modelId());
			}
			backoff = backoff.multipliedBy(2);
		}
	}

	private static void logCompleted(BackendCall call, Completed completed, long backendMs) {
		if (logger.isDebugEnabled()) {
			BackendOutcome.BackendTimings timings = completed.timings();
			logger.debug(
					"Request {} on {}: {} prompt and {} completion tokens in {} ms, first token after {} ms "
							+ "(backend: load {} ms, prompt {} ms, generation {} ms), finish {}",
					call.requestId(), call.modelId(), completed.promptTokens(), completed.completionTokens(), backendMs,
					completed.timeToFirstTokenMs(), timings.loadMs(), timings.promptEvalMs(), timings.evalMs(),
					completed.finishReason());
		}
	}

	private Duration callTimeout(InferenceRequest request, Instant now) {
		Duration timeout = this.properties.requestTimeout();
		if (request.getDeadlineAt() != null) {
			Duration untilDeadline = Duration.between(now, request.getDeadlineAt());
			return (untilDeadline.compareTo(timeout) < 0) ? untilDeadline : timeout;
		}
		return timeout;
	}

	private InferenceResult okResult(RoutedRequest routed, Completed completed, Instant started, long backendMs) {
		InferenceRequest request = routed.getRequest();
		InferenceResult.Builder result = Results.of(request, ResultStatus.OK);
		Timings timings = Timings.newBuilder(result.getTimings())
			.setClassifyMs(Results.millisBetween(request.getCreatedAt(), routed.getClassifiedAt()))
			.setDispatchMs(Results.millisBetween(routed.getClassifiedAt(), routed.getRoutedAt()))
			.setQueueMs(Results.millisBetween(routed.getRoutedAt(), started))
			.setBackendMs(backendMs)
			.setTimeToFirstTokenMs(completed.timeToFirstTokenMs())
			.build();
		return result.setOutput(completed.output())
			.setModelId(routed.getModelId())
			.setTier(routed.getTier())
			.setConfidence(routed.getClassification().getConfidence())
			.setWorkerId(this.properties.id())
			.setUsage(new Usage(completed.promptTokens(), completed.completionTokens()))
			.setTimings(timings)
			.setAttempts(routed.getAttempt())
			.setHistory(routed.getHistory())
			.build();
	}

	private void deadLetter(ConsumerRecord<String, RoutedRequest> record, Failed failed) {
		RoutedRequest routed = record.value();
		logger.warn("Request {} failed on {} (attempt {}): {} {}; next: dead letter",
				routed.getRequest().getRequestId(), routed.getModelId(), routed.getAttempt(), failed.kind(),
				failed.message());
		this.publisher.deadLetter(routed.getRequest().getRequestId(),
				DeadLetter.newBuilder()
					.setRouted(routed)
					.setErrorKind(failed.kind())
					.setReason(failed.message())
					.setWorkerId(this.properties.id())
					.setSourceTopic(record.topic())
					.setSourcePartition(record.partition())
					.setSourceOffset(record.offset())
					.setFailedAt(Instant.now())
					.build());
	}

}
