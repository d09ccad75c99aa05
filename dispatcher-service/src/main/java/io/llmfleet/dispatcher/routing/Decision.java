package io.llmfleet.dispatcher.routing;

import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.RoutedRequest;

/** What the dispatcher does with one record: route it, end it, or keep it as it is. */
public sealed interface Decision {

	/** Send {@code routed} to its model's topic. */
	record Route(RoutedRequest routed) implements Decision {
	}

	/** Nothing is left to try: {@code result} ends the request. */
	record Finish(InferenceRequest request, InferenceResult result) implements Decision {
	}

	/**
	 * A dead letter with no request in it (undecodable bytes): it stays on the topic as
	 * the record.
	 */
	record Keep(String reason) implements Decision {
	}

}
