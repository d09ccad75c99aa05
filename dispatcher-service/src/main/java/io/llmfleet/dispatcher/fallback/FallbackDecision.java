package io.llmfleet.dispatcher.fallback;

import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.RoutedRequest;

/** What to do with a dead letter. */
public sealed interface FallbackDecision {

	/** Try again: {@code next} is the new attempt. */
	record Reroute(RoutedRequest next) implements FallbackDecision {
	}

	/** Nothing is left to try: {@code result} ends the request. */
	record Finish(InferenceRequest request, InferenceResult result) implements FallbackDecision {
	}

	/**
	 * A dead letter with no request in it (undecodable bytes): it stays on the topic as
	 * the record.
	 */
	record Keep(String reason) implements FallbackDecision {
	}

}
