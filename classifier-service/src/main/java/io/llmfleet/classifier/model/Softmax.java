package io.llmfleet.classifier.model;

/** The softmax of logits scaled by a temperature, computed stably. */
public final class Softmax {

	private Softmax() {
	}

	/** {@code softmax(logits / temperature)} as a new array. */
	public static double[] of(double[] logits, double temperature) {
		double max = Double.NEGATIVE_INFINITY;
		for (double logit : logits) {
			max = Math.max(max, logit);
		}
		double[] probabilities = new double[logits.length];
		double sum = 0;
		for (int c = 0; c < logits.length; c++) {
			probabilities[c] = Math.exp((logits[c] - max) / temperature);
			sum += probabilities[c];
		}
		for (int c = 0; c < logits.length; c++) {
			probabilities[c] /= sum;
		}
		return probabilities;
	}

}
