package io.llmfleet.cli.traffic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * Joins recorded requests with their classification and their final attempt's outcome by
 * request id. Add records in any order; the first request and classification of an id
 * count (a resubmitted duplicate changes nothing), and the outcome with the highest
 * attempt number is the final one (a redelivered attempt: the later one).
 */
public final class TrafficJoin {

	private final Map<String, InferenceRequest> requests = new LinkedHashMap<>();

	private final Map<String, Classification> classifications = new HashMap<>();

	private final Map<String, RoutingOutcome> finalOutcomes = new HashMap<>();

	private final Map<String, Integer> attempts = new HashMap<>();

	/** A recorded request. */
	public void request(InferenceRequest request) {
		this.requests.putIfAbsent(request.getRequestId(), request);
	}

	/**
	 * Whether a request of this id was recorded: classifications and outcomes of others
	 * are dropped.
	 */
	public boolean knows(String requestId) {
		return this.requests.containsKey(requestId);
	}

	/** The classifier's decision for a request. */
	public void classification(String requestId, Classification classification) {
		this.classifications.putIfAbsent(requestId, classification);
	}

	/** One finished attempt of a request. */
	public void outcome(RoutingOutcome outcome) {
		String id = outcome.getRequestId();
		this.attempts.merge(id, outcome.getAttempt(), Math::max);
		this.finalOutcomes.merge(id, outcome, (kept, next) -> isLater(next, kept) ? next : kept);
	}

	/** One record per request, in the order the requests were added. */
	public List<TrafficRecord> records() {
		List<TrafficRecord> records = new ArrayList<>();
		for (InferenceRequest request : this.requests.values()) {
			String id = request.getRequestId();
			Classification classification = this.classifications.get(id);
			RoutingOutcome outcome = this.finalOutcomes.get(id);
			TrafficRecord.Decision decision = (classification != null)
					? new TrafficRecord.Decision(classification.getTier(), classification.getConfidence(),
							classification.getClassifier(), classification.getLanguage(), classification.getPinned())
					: null;
			TrafficRecord.Served served = (outcome != null) ? new TrafficRecord.Served(outcome.getTier(),
					outcome.getModelId(), outcome.getWorkerId(), outcome.getStatus().name(),
					(outcome.getErrorKind() != null) ? outcome.getErrorKind().name() : null, this.attempts.get(id),
					outcome.getTotalMs(), outcome.getQueueMs(), outcome.getBackendMs(), outcome.getPromptTokens(),
					outcome.getCompletionTokens()) : null;
			records.add(new TrafficRecord(request, decision, served));
		}
		return records;
	}

	private static boolean isLater(RoutingOutcome next, RoutingOutcome kept) {
		if (next.getAttempt() != kept.getAttempt()) {
			return next.getAttempt() > kept.getAttempt();
		}
		return next.getFinishedAt().isAfter(kept.getFinishedAt());
	}

}
