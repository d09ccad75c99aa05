package io.llmfleet.classifier.evaluation;

import io.llmfleet.classifier.training.LabelledPrompt;

/**
 * A model's calibrated probabilities for one labelled row.
 *
 * @param row the row
 * @param label the index of its tier, lightest first
 * @param probabilities the probability of each tier, lightest first
 */
public record Prediction(LabelledPrompt row, int label, double[] probabilities) {

	/** The most probable tier. */
	public int predicted() {
		int best = 0;
		for (int c = 1; c < this.probabilities.length; c++) {
			if (this.probabilities[c] > this.probabilities[best]) {
				best = c;
			}
		}
		return best;
	}

	/** The probability of the most probable tier. */
	public double confidence() {
		return this.probabilities[predicted()];
	}

	/** The second most probable tier. */
	public int runnerUp() {
		int predicted = predicted();
		int second = (predicted == 0) ? 1 : 0;
		for (int c = 0; c < this.probabilities.length; c++) {
			if (c != predicted && this.probabilities[c] > this.probabilities[second]) {
				second = c;
			}
		}
		return second;
	}

	/**
	 * The tier the request is sent to, as the classifier routes it: the most probable;
	 * or, when the confidence is below {@code threshold}, one tier heavier, or the
	 * runner-up when that is heavier still.
	 */
	public int routed(double threshold) {
		int predicted = predicted();
		if (confidence() >= threshold || this.probabilities.length < 2) {
			return predicted;
		}
		return Math.max(Math.min(predicted + 1, this.probabilities.length - 1), runnerUp());
	}

}
