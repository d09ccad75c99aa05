package io.llmfleet.classifier.features;

/**
 * Receives features as they are extracted. Prediction accumulates logits straight from
 * the stream, so no feature vector is built on the hot path; training collects them into
 * a {@link SparseVector}. An index may arrive more than once: the values add up.
 */
@FunctionalInterface
public interface FeatureSink {

	/** Adds {@code value} to feature {@code index}. */
	void accept(int index, float value);

}
