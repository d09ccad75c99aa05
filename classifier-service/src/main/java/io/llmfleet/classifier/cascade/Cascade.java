package io.llmfleet.classifier.cascade;

import io.llmfleet.classifier.model.TierPredictor;

/**
 * The cascade's rule: the first stage decides alone when its calibrated confidence (its
 * top probability) is at least {@code threshold}; below it the second stage is asked, and
 * the tier probabilities become {@code (1 - weight) x first + weight x second}. The
 * routing threshold (one tier heavier when unsure) then applies to that result. Immutable
 * and thread-safe.
 *
 * @param second the second stage, scoring the same tiers in the same order
 * @param threshold below this first-stage confidence the second stage is asked
 * @param weight the second stage's share of the combined probabilities, in [0, 1]
 */
public record Cascade(TierPredictor second, double threshold, double weight) {

	public Cascade {
		if (!(threshold >= 0 && threshold <= 1)) {
			throw new IllegalArgumentException("Cascade threshold must be in [0, 1], was " + threshold);
		}
		if (!(weight >= 0 && weight <= 1)) {
			throw new IllegalArgumentException("Cascade weight must be in [0, 1], was " + weight);
		}
	}

	/**
	 * Whether the first stage's probabilities leave it unsure enough to ask the second.
	 */
	public boolean consults(double[] first) {
		double top = 0;
		for (double p : first) {
			top = Math.max(top, p);
		}
		return top < this.threshold;
	}

	/** The combined probabilities, given both stages'. */
	public double[] combine(double[] first, double[] second) {
		if (first.length != second.length) {
			throw new IllegalArgumentException("The stages score " + first.length + " and " + second.length + " tiers");
		}
		double[] combined = new double[first.length];
		for (int c = 0; c < combined.length; c++) {
			combined[c] = (1 - this.weight) * first[c] + this.weight * second[c];
		}
		return combined;
	}

	/**
	 * The cascade's probabilities for {@code prompt}: {@code first} itself (the same
	 * array) when the first stage is sure, else the combination (the second stage runs
	 * only then).
	 */
	public double[] decide(double[] first, String prompt) {
		return consults(first) ? combine(first, this.second.predict(prompt)) : first;
	}

}
