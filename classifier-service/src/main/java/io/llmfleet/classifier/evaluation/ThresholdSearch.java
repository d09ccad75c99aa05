package io.llmfleet.classifier.evaluation;

import java.util.List;
import java.util.TreeSet;

/**
 * Picks the confidence threshold the way RouteLLM calibrates its cost threshold: on
 * out-of-fold predictions, the smallest threshold whose under-routing (prompts sent to a
 * lighter tier than their label, as a share of those labelled heavier than the lightest
 * tier) is at most the target; the over-routing it costs is the price. Under-routing
 * never grows as the threshold rises, since below it requests only move heavier.
 */
public final class ThresholdSearch {

	private ThresholdSearch() {
	}

	/**
	 * The smallest threshold meeting {@code targetUnderRouting}, or the threshold with
	 * the least under-routing when none meets it.
	 */
	public static Choice choose(List<Prediction> predictions, int classes, double targetUnderRouting) {
		TreeSet<Double> candidates = new TreeSet<>();
		candidates.add(0.0);
		for (Prediction prediction : predictions) {
			// Just above a confidence: the threshold that sends that prediction heavier.
			candidates.add(Math.nextUp(prediction.confidence()));
		}
		Choice best = null;
		for (double threshold : candidates) {
			RoutingMetrics metrics = RoutingMetrics.of(predictions, classes, threshold);
			Choice choice = new Choice(threshold, metrics, metrics.underRouted() <= targetUnderRouting);
			if (choice.meetsTarget()) {
				return choice;
			}
			if (best == null || metrics.underRouted() < best.metrics().underRouted()) {
				best = choice;
			}
		}
		return best;
	}

	/**
	 * A threshold and what it gives.
	 *
	 * @param threshold the confidence threshold
	 * @param metrics the figures at that threshold
	 * @param meetsTarget whether its under-routing meets the target
	 */
	public record Choice(double threshold, RoutingMetrics metrics, boolean meetsTarget) {
	}

}
