package io.llmfleet.classifier.evaluation;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.training.LabelledPrompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoutingMetricsTests {

	private static final List<Prediction> PREDICTIONS = List.of(prediction("fast", 0, 0.9, 0.05, 0.05),
			prediction("code", 1, 0.1, 0.8, 0.1), prediction("heavy", 2, 0.6, 0.1, 0.3),
			prediction("heavy", 2, 0.2, 0.2, 0.6));

	@Test
	void accuracyConfusionAndRoutingErrorsAreCounted() {
		RoutingMetrics metrics = RoutingMetrics.of(PREDICTIONS, 3, 0);

		assertThat(metrics.accuracy()).isEqualTo(0.75);
		assertThat(metrics.confusion()[2]).containsExactly(1, 0, 1);
		// One heavy prompt sent to fast: one of three prompts heavier than the lightest
		// tier.
		assertThat(metrics.underRouted()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(metrics.underRoutedOfAll()).isEqualTo(0.25);
		assertThat(metrics.overRouted()).isZero();
		assertThat(metrics.macroRecall()).isCloseTo((1 + 1 + 0.5) / 3, within(1e-9));
	}

	@Test
	void belowTheThresholdTheRunnerUpWinsWhenItIsHeavier() {
		RoutingMetrics metrics = RoutingMetrics.of(PREDICTIONS, 3, 0.65);

		// The unsure heavy prompt (fast 0.6, heavy 0.3) now goes heavy; the unsure
		// correct
		// heavy one stays; nothing is under-routed, and nothing over-routed.
		assertThat(metrics.underRouted()).isZero();
		assertThat(metrics.routedAccuracy()).isEqualTo(1.0);
	}

	@Test
	void expectedCalibrationErrorComparesConfidenceWithAccuracy() {
		List<Prediction> overconfident = List.of(prediction("fast", 0, 0.95, 0.05, 0),
				prediction("code", 1, 0.95, 0.05, 0));

		assertThat(RoutingMetrics.of(overconfident, 3, 0).ece()).isCloseTo(0.45, within(1e-9));
	}

	@Test
	void theThresholdSearchMeetsTheTargetAtTheLeastCost() {
		ThresholdSearch.Choice choice = ThresholdSearch.choose(PREDICTIONS, 3, 0.0);

		assertThat(choice.meetsTarget()).isTrue();
		assertThat(choice.metrics().underRouted()).isZero();
		assertThat(choice.threshold()).isGreaterThan(0.6).isLessThanOrEqualTo(0.61);
	}

	private static Prediction prediction(String tier, int label, double... probabilities) {
		return new Prediction(new LabelledPrompt("id", "prompt", tier, "cat", "en", "src"), label, probabilities);
	}

}
