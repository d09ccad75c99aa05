package io.llmfleet.classifier.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.features.PromptFeatures;
import io.llmfleet.classifier.features.SparseVector;
import io.llmfleet.classifier.model.LinearModel;
import io.llmfleet.classifier.model.TierModel;

/**
 * Trains a {@link TierModel}: features of every row, out-of-fold logits from
 * {@code calibrationFolds} stratified folds to fit the temperature on, then the final fit
 * on every row. Deterministic: the same file and options give a byte-identical model.
 */
public final class ModelTrainer {

	private final FeatureSpec spec;

	private final TrainingOptions options;

	public ModelTrainer(FeatureSpec spec, TrainingOptions options) {
		this.spec = spec;
		this.options = options;
	}

	public FeatureSpec spec() {
		return this.spec;
	}

	public TrainingOptions options() {
		return this.options;
	}

	/** The feature vectors of {@code rows}, in order. */
	public List<SparseVector> vectors(List<LabelledPrompt> rows) {
		PromptFeatures features = new PromptFeatures(this.spec);
		List<SparseVector> vectors = new ArrayList<>(rows.size());
		for (LabelledPrompt row : rows) {
			vectors.add(features.vector(row.prompt()));
		}
		return vectors;
	}

	/** The class of each row: its tier's position in {@code tiers}. */
	public static int[] labels(List<LabelledPrompt> rows, List<String> tiers) {
		int[] labels = new int[rows.size()];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = tiers.indexOf(rows.get(i).tier());
			if (labels[i] < 0) {
				throw new IllegalArgumentException("Row " + rows.get(i).id() + " has tier '" + rows.get(i).tier()
						+ "', which is not one of " + tiers);
			}
		}
		return labels;
	}

	/** Trains on every row of {@code rows} and names the model. */
	public TierModel train(List<LabelledPrompt> rows, List<String> tiers, String name, String version,
			Map<String, String> metadata) {
		int[] labels = labels(rows, tiers);
		Fitted fitted = fit(vectors(rows), labels, tiers.size());
		Map<String, String> described = new LinkedHashMap<>(metadata);
		described.put("rows", Integer.toString(rows.size()));
		described.put("l2", Double.toString(this.options.l2()));
		described.put("balanced", Boolean.toString(this.options.balanced()));
		described.put("calibration-folds", Integer.toString(this.options.calibrationFolds()));
		described.put("seed", Long.toString(this.options.seed()));
		return new TierModel(name, version, tiers, this.spec, fitted.linear(), fitted.temperature(), described);
	}

	/**
	 * Fits weights on all of {@code vectors} and the temperature on their out-of-fold
	 * logits.
	 */
	public Fitted fit(List<SparseVector> vectors, int[] labels, int classes) {
		return fit(vectors, labels, classes, this.spec.dimension(), this.options);
	}

	/**
	 * Fits weights on all of {@code vectors} and the temperature on their out-of-fold
	 * logits from {@code options.calibrationFolds()} stratified folds: the first stage's
	 * recipe for any feature space, such as the cascade's embedding head.
	 * @param vectors the examples
	 * @param labels the class of each example
	 * @param classes the number of classes
	 * @param dimension the size of the feature space
	 * @param options how to train
	 * @return the weights and the temperature
	 */
	public static Fitted fit(List<SparseVector> vectors, int[] labels, int classes, int dimension,
			TrainingOptions options) {
		LinearModel linear = new SoftmaxTrainer(options).train(vectors, labels, classes, dimension);
		if (options.calibrationFolds() == 0) {
			return new Fitted(linear, 1.0);
		}
		double[][] logits = outOfFoldLogits(vectors, labels, classes, dimension, options);
		return new Fitted(linear, TemperatureScaling.fit(logits, labels));
	}

	private static double[][] outOfFoldLogits(List<SparseVector> vectors, int[] labels, int classes, int dimension,
			TrainingOptions options) {
		Folds folds = Folds.stratified(labels, options.calibrationFolds(), options.seed());
		double[][] logits = new double[vectors.size()][];
		SoftmaxTrainer trainer = new SoftmaxTrainer(options.withoutCalibration());
		for (int fold = 0; fold < folds.count(); fold++) {
			List<SparseVector> trainVectors = new ArrayList<>();
			List<Integer> trainLabels = new ArrayList<>();
			for (int i = 0; i < vectors.size(); i++) {
				if (folds.foldOf()[i] != fold) {
					trainVectors.add(vectors.get(i));
					trainLabels.add(labels[i]);
				}
			}
			LinearModel model = trainer.train(trainVectors, trainLabels.stream().mapToInt(Integer::intValue).toArray(),
					classes, dimension);
			for (int i = 0; i < vectors.size(); i++) {
				if (folds.foldOf()[i] == fold) {
					logits[i] = model.logits(vectors.get(i));
				}
			}
		}
		return logits;
	}

	/**
	 * A fitted model before it is named.
	 *
	 * @param linear the weights
	 * @param temperature the calibration temperature
	 */
	public record Fitted(LinearModel linear, double temperature) {
	}

}
