package io.llmfleet.classifier.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemperatureScalingTests {

	@Test
	void overconfidentLogitsAreSoftenedAndUnderconfidentOnesSharpened() {
		// Always 10 logits apart, but right only 3 times in 4: overconfident.
		double[][] logits = { { 10, 0 }, { 10, 0 }, { 10, 0 }, { 10, 0 } };
		assertThat(TemperatureScaling.fit(logits, new int[] { 0, 0, 0, 1 })).isGreaterThan(1.5);

		// Always right, but only 0.1 logits apart: underconfident.
		double[][] timid = { { 0.1, 0 }, { 0, 0.1 }, { 0.1, 0 }, { 0, 0.1 } };
		assertThat(TemperatureScaling.fit(timid, new int[] { 0, 1, 0, 1 })).isLessThan(0.2);
	}

	@Test
	void theFittedTemperatureMinimisesTheLogLikelihood() {
		double[][] logits = { { 2, 0 }, { 2, 0 }, { 0, 2 }, { 2, 0 } };
		int[] labels = { 0, 0, 1, 1 };

		double t = TemperatureScaling.fit(logits, labels);

		double best = TemperatureScaling.nll(logits, labels, t);
		assertThat(best).isLessThanOrEqualTo(TemperatureScaling.nll(logits, labels, t * 1.2));
		assertThat(best).isLessThanOrEqualTo(TemperatureScaling.nll(logits, labels, t / 1.2));
	}

}
