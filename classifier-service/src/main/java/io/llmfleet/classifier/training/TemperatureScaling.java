package io.llmfleet.classifier.training;

import io.llmfleet.classifier.model.Softmax;

/**
 * Fits the one temperature that minimises the negative log-likelihood of held-out
 * predictions (Guo et al., 2017): it leaves the ranking of tiers untouched and makes the
 * top probability mean what it says. Golden-section search over {@code log T}.
 */
public final class TemperatureScaling {

	private static final double LOW = Math.log(0.05);

	private static final double HIGH = Math.log(20);

	private TemperatureScaling() {
	}

	/** The temperature that best calibrates {@code logits} against {@code labels}. */
	public static double fit(double[][] logits, int[] labels) {
		double a = LOW;
		double b = HIGH;
		double ratio = (Math.sqrt(5) - 1) / 2;
		double c = b - ratio * (b - a);
		double d = a + ratio * (b - a);
		double fc = nll(logits, labels, Math.exp(c));
		double fd = nll(logits, labels, Math.exp(d));
		for (int i = 0; i < 60; i++) {
			if (fc < fd) {
				b = d;
				d = c;
				fd = fc;
				c = b - ratio * (b - a);
				fc = nll(logits, labels, Math.exp(c));
			}
			else {
				a = c;
				c = d;
				fc = fd;
				d = a + ratio * (b - a);
				fd = nll(logits, labels, Math.exp(d));
			}
		}
		return Math.exp((a + b) / 2);
	}

	/** Mean negative log-likelihood at temperature {@code t}. */
	static double nll(double[][] logits, int[] labels, double t) {
		double sum = 0;
		for (int i = 0; i < logits.length; i++) {
			sum -= Math.log(Math.max(1e-300, Softmax.of(logits[i], t)[labels[i]]));
		}
		return sum / logits.length;
	}

}
