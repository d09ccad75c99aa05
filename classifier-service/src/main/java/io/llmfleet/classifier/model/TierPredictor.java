package io.llmfleet.classifier.model;

import java.util.List;

/**
 * A stage that estimates, for a prompt, the probability of each tier. The first stage is
 * the hashed n-gram {@link TierModel}; a second, slower stage (a sentence-embedding head)
 * implements the same contract and is consulted only when the first one is unsure.
 * Implementations are thread-safe and immutable once built: a new model is a new
 * instance, swapped in whole.
 */
public interface TierPredictor {

	/** {@code name@version}, as every classification records it. */
	String id();

	/** The tiers this predictor scores, lightest first. */
	List<String> tiers();

	/**
	 * Calibrated probabilities of {@link #tiers()}, in that order, summing to 1.
	 * @param prompt the request's text, every message joined
	 * @return a new array, one probability per tier
	 */
	double[] predict(String prompt);

}
