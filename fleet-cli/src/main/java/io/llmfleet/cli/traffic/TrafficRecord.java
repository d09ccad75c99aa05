package io.llmfleet.cli.traffic;

import io.llmfleet.client.batch.BatchIds;
import io.llmfleet.schemas.InferenceRequest;

/**
 * One recorded request with what production decided for it and how it ended.
 *
 * @param request the request as the client sent it
 * @param decision the classifier's decision; null when none was recorded (rejected,
 * expired before classification, or not yet classified)
 * @param served the final attempt; null when no attempt finished on a worker
 */
public record TrafficRecord(InferenceRequest request, Decision decision, Served served) {

	/**
	 * The classifier's decision for a request.
	 *
	 * @param tier the tier it chose
	 * @param confidence its confidence
	 * @param classifier name@version of the model that decided
	 * @param language the detected language, null when not detected
	 * @param pinned whether an explicit model pin decided
	 */
	public record Decision(String tier, double confidence, String classifier, String language, boolean pinned) {
	}

	/**
	 * The final attempt of a request, from the outcomes topic.
	 *
	 * @param tier the tier it ran in (lighter than the decision's after a fallback)
	 * @param model the model that served it
	 * @param worker the worker
	 * @param status how it ended
	 * @param errorKind why it failed; null when it did not
	 * @param attempts attempts made, the final one included
	 * @param latencyMs creation to end, in milliseconds
	 * @param queueMs time on the model's topic
	 * @param backendMs time in the backend
	 * @param promptTokens prompt tokens
	 * @param completionTokens completion tokens
	 */
	public record Served(String tier, String model, String worker, String status, String errorKind, int attempts,
			Long latencyMs, Long queueMs, Long backendMs, int promptTokens, int completionTokens) {
	}

	/** The request's id. */
	public String requestId() {
		return this.request.getRequestId();
	}

	/** The request's {@code custom_id}, when it came in a batch. */
	public String customId() {
		return this.request.getMetadata().get(BatchIds.CUSTOM_ID);
	}

	/** The tier production decided, or null. */
	public String productionTier() {
		return (this.decision != null) ? this.decision.tier() : null;
	}

}
