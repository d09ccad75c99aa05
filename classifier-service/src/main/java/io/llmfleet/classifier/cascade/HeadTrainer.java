package io.llmfleet.classifier.cascade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.llmfleet.classifier.features.SparseVector;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.ModelTrainer.Fitted;
import io.llmfleet.classifier.training.TrainingOptions;

/**
 * Trains the cascade's head with the first stage's recipe ({@link ModelTrainer#fit}:
 * L2-penalised softmax by L-BFGS, tiers weighted equally, the temperature fitted on
 * out-of-fold logits of stratified folds) over dense sentence embeddings. Deterministic:
 * the same embeddings and options give the same head.
 */
public final class HeadTrainer {

	private final TrainingOptions options;

	public HeadTrainer(TrainingOptions options) {
		this.options = options;
	}

	/**
	 * The options the shipped head is trained with: an embedding is dense and unit
	 * length, so every component is kept ({@code minCount} 1) and the penalty is lighter
	 * than the first stage's.
	 */
	public static TrainingOptions defaults() {
		return new TrainingOptions(1e-3, 300, 1e-6, 1, true, 5, 42L);
	}

	public TrainingOptions options() {
		return this.options;
	}

	/**
	 * Fits weights and temperature on {@code embeddings}.
	 * @param embeddings one embedding per example, all of one dimension
	 * @param labels the class of each example
	 * @param classes the number of classes
	 * @return the fitted head before it is named
	 */
	public Fitted fit(List<float[]> embeddings, int[] labels, int classes) {
		List<SparseVector> vectors = new ArrayList<>(embeddings.size());
		for (float[] embedding : embeddings) {
			vectors.add(SparseVector.dense(embedding));
		}
		return ModelTrainer.fit(vectors, labels, classes, embeddings.get(0).length, this.options);
	}

	/**
	 * Trains a head on every example and names it.
	 * @param embeddings one embedding per example
	 * @param labels the class of each example
	 * @param tiers the tiers, lightest first
	 * @param encoder the id of the encoder that made the embeddings
	 * @param name the head's name
	 * @param version its version
	 * @param metadata what it was trained on, for people
	 * @return the head
	 */
	public HeadModel train(List<float[]> embeddings, int[] labels, List<String> tiers, String encoder, String name,
			String version, Map<String, String> metadata) {
		Fitted fitted = fit(embeddings, labels, tiers.size());
		Map<String, String> described = new LinkedHashMap<>(metadata);
		described.put("rows", Integer.toString(embeddings.size()));
		described.put("l2", Double.toString(this.options.l2()));
		described.put("balanced", Boolean.toString(this.options.balanced()));
		described.put("calibration-folds", Integer.toString(this.options.calibrationFolds()));
		described.put("seed", Long.toString(this.options.seed()));
		return new HeadModel(name, version, tiers, encoder, fitted.linear(), fitted.temperature(), described);
	}

}
