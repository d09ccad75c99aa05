package io.llmfleet.classifier.rules;

import io.llmfleet.schemas.Classification;

/** What the classifier concluded: a classification, or a reason to reject the request. */
public sealed interface ClassifierDecision {

	/** The request is served in {@code classification}'s tier. */
	record Classified(Classification classification) implements ClassifierDecision {
	}

	/**
	 * The request cannot be served as sent; {@code reason} tells the client what to
	 * change.
	 */
	record Rejected(String reason) implements ClassifierDecision {
	}

}
