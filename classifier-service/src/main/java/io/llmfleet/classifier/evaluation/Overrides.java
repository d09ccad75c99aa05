package io.llmfleet.classifier.evaluation;

/**
 * What the request path does to a model's probabilities before it routes, so that
 * evaluation measures the first stage as it serves: today the configured strong-signal
 * rules, which replace the distribution when they match.
 */
@FunctionalInterface
public interface Overrides {

	/** No overrides: the model alone. */
	Overrides NONE = (prompt, probabilities) -> probabilities;

	/**
	 * The probabilities the request path routes on, for {@code prompt}: a new array when
	 * something overrides the model, {@code probabilities} itself when nothing does (the
	 * cascade asks its second stage only then).
	 */
	double[] apply(String prompt, double[] probabilities);

}
