package io.llmfleet.worker.runtime;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaOperations;

import io.llmfleet.core.reply.Results;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.worker.backend.BackendOutcome.Completed;

/**
 * Writes one {@link RoutingOutcome} per attempt a worker finishes, keyed by request id,
 * to the outcomes topic: what the dispatcher's circuit breakers and queue-depth estimates
 * learn from. It is written after the attempt's result or dead letter is acknowledged and
 * is not waited for: the request's exit is already durable, so a lost outcome costs one
 * sample, while failing the record would answer the request twice. A send that fails is
 * logged, never thrown. Thread-safe.
 */
class AttemptOutcomes {

	private static final Logger logger = LoggerFactory.getLogger(AttemptOutcomes.class);

	private final KafkaOperations<String, Object> kafka;

	private final String topic;

	private final String workerId;

	AttemptOutcomes(KafkaOperations<String, Object> kafka, String topic, String workerId) {
		this.kafka = kafka;
		this.topic = topic;
		this.workerId = workerId;
	}

	/** The backend answered and the OK result is written. */
	void ok(RoutedRequest routed, Completed completed, Instant started, long backendMs) {
		send(outcome(routed, ResultStatus.OK, null, started, backendMs).setPromptTokens(completed.promptTokens())
			.setCompletionTokens(completed.completionTokens())
			.build());
	}

	/**
	 * The attempt failed and its dead letter is written.
	 * @param backendMs time spent on the backend, null when it was not reached
	 */
	void failed(RoutedRequest routed, ErrorKind kind, Instant started, Long backendMs) {
		send(outcome(routed, ResultStatus.FAILED, kind, started, backendMs).build());
	}

	/**
	 * The deadline passed before the backend was reached; the EXPIRED result is written.
	 */
	void expired(RoutedRequest routed, Instant started) {
		send(outcome(routed, ResultStatus.EXPIRED, ErrorKind.EXPIRED, started, null).build());
	}

	private RoutingOutcome.Builder outcome(RoutedRequest routed, ResultStatus status, ErrorKind kind, Instant started,
			Long backendMs) {
		InferenceRequest request = routed.getRequest();
		Instant now = Instant.now();
		return RoutingOutcome.newBuilder()
			.setRequestId(request.getRequestId())
			.setBatchId(request.getBatchId())
			.setTier(routed.getTier())
			.setConfidence(routed.getClassification().getConfidence())
			.setModelId(routed.getModelId())
			.setWorkerId(this.workerId)
			.setStatus(status)
			.setErrorKind(kind)
			.setAttempt(routed.getAttempt())
			.setQueueMs(Results.millisBetween(routed.getRoutedAt(), started))
			.setBackendMs(backendMs)
			.setTotalMs(Results.millisBetween(request.getCreatedAt(), now))
			.setFinishedAt(now);
	}

	private void send(RoutingOutcome outcome) {
		try {
			this.kafka.send(this.topic, outcome.getRequestId(), outcome).whenComplete((sent, failure) -> {
				if (failure != null) {
					logged(outcome, failure);
				}
			});
		}
		catch (RuntimeException ex) {
			logged(outcome, ex);
		}
	}

	private void logged(RoutingOutcome outcome, Throwable failure) {
		logger.warn(
				"Outcome {} of request {} (attempt {}) on {} was not written to {}: {}; next: none, the "
						+ "request's exit is already written",
				outcome.getStatus(), outcome.getRequestId(), outcome.getAttempt(), outcome.getModelId(), this.topic,
				failure.toString());
	}

}
