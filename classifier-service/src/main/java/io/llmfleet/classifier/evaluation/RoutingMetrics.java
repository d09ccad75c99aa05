package io.llmfleet.classifier.evaluation;

import java.util.List;

/**
 * The figures of a set of predictions at one threshold.
 *
 * @param count predictions
 * @param accuracy share whose most probable tier is the label
 * @param macroF1 the mean over tiers of F1 of the most probable tier
 * @param macroRecall the mean over tiers of recall (balanced accuracy)
 * @param routedAccuracy share sent to exactly their label's tier after the threshold
 * @param routedMacroRecall the mean over tiers of recall after the threshold
 * @param underRouted share of the prompts labelled heavier than the lightest tier that
 * were sent to a lighter tier than their label, after the threshold: the bar's figure
 * @param underRoutedOfAll the same prompts as a share of all prompts
 * @param overRouted share of all prompts sent to a heavier tier than their label
 * @param ece expected calibration error of the top probability, 15 equal-width bins
 * @param confusion counts by label (rows) and most probable tier (columns)
 */
public record RoutingMetrics(int count, double accuracy, double macroF1, double macroRecall, double routedAccuracy,
		double routedMacroRecall, double underRouted, double underRoutedOfAll, double overRouted, double ece,
		int[][] confusion) {

	private static final int ECE_BINS = 15;

	/**
	 * The figures of {@code predictions} over {@code classes} tiers at {@code threshold}.
	 */
	public static RoutingMetrics of(List<Prediction> predictions, int classes, double threshold) {
		int[][] confusion = new int[classes][classes];
		int[][] routedConfusion = new int[classes][classes];
		int correct = 0;
		int routedCorrect = 0;
		int under = 0;
		int over = 0;
		int heavierThanLightest = 0;
		double[] binConfidence = new double[ECE_BINS];
		double[] binCorrect = new double[ECE_BINS];
		int[] binCount = new int[ECE_BINS];
		for (Prediction prediction : predictions) {
			int predicted = prediction.predicted();
			int routed = prediction.routed(threshold);
			confusion[prediction.label()][predicted]++;
			routedConfusion[prediction.label()][routed]++;
			correct += (predicted == prediction.label()) ? 1 : 0;
			routedCorrect += (routed == prediction.label()) ? 1 : 0;
			under += (routed < prediction.label()) ? 1 : 0;
			over += (routed > prediction.label()) ? 1 : 0;
			heavierThanLightest += (prediction.label() > 0) ? 1 : 0;
			int bin = Math.min(ECE_BINS - 1, (int) (prediction.confidence() * ECE_BINS));
			binConfidence[bin] += prediction.confidence();
			binCorrect[bin] += (predicted == prediction.label()) ? 1 : 0;
			binCount[bin]++;
		}
		int n = predictions.size();
		double ece = 0;
		for (int b = 0; b < ECE_BINS; b++) {
			if (binCount[b] > 0) {
				ece += Math.abs(binConfidence[b] - binCorrect[b]) / n;
			}
		}
		return new RoutingMetrics(n, ratio(correct, n), macroF1(confusion), macroRecall(confusion),
				ratio(routedCorrect, n), macroRecall(routedConfusion), ratio(under, heavierThanLightest),
				ratio(under, n), ratio(over, n), ece, confusion);
	}

	private static double macroF1(int[][] confusion) {
		double sum = 0;
		int present = 0;
		for (int c = 0; c < confusion.length; c++) {
			int truePositive = confusion[c][c];
			int actual = 0;
			int predicted = 0;
			for (int o = 0; o < confusion.length; o++) {
				actual += confusion[c][o];
				predicted += confusion[o][c];
			}
			if (actual + predicted == 0) {
				continue;
			}
			present++;
			sum += 2.0 * truePositive / (actual + predicted);
		}
		return (present == 0) ? 0 : sum / present;
	}

	private static double macroRecall(int[][] confusion) {
		double sum = 0;
		int present = 0;
		for (int c = 0; c < confusion.length; c++) {
			int actual = 0;
			for (int o = 0; o < confusion.length; o++) {
				actual += confusion[c][o];
			}
			if (actual > 0) {
				present++;
				sum += (double) confusion[c][c] / actual;
			}
		}
		return (present == 0) ? 0 : sum / present;
	}

	private static double ratio(int part, int whole) {
		return (whole == 0) ? 0 : (double) part / whole;
	}

}
