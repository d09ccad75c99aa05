package io.llmfleet.classifier.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import io.llmfleet.classifier.features.SparseVector;
import io.llmfleet.classifier.model.Softmax;
import io.llmfleet.classifier.model.TierPredictor;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.ModelTrainer.Fitted;

/**
 * Out-of-fold predictions: for each fold, the whole training pipeline (weights and the
 * temperature from inner folds) runs on the other folds and predicts the held-out one, so
 * every figure is measured on prompts the model never saw. With {@link Folds#bySource}
 * that is leave-one-source-out: each source is judged by a model that never saw it.
 */
public final class CrossValidation {

	private CrossValidation() {
	}

	/**
	 * Evaluates a trained model on labelled rows.
	 * @param model the model
	 * @param rows the labelled rows
	 * @param overrides what the request path does to the model's probabilities (strong
	 * rules), or {@link Overrides#NONE}
	 * @return one prediction per row, in row order
	 */
	public static List<Prediction> predict(TierPredictor model, List<LabelledPrompt> rows, Overrides overrides) {
		int[] labels = ModelTrainer.labels(rows, model.tiers());
		List<Prediction> predictions = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			String prompt = rows.get(i).prompt();
			predictions.add(new Prediction(rows.get(i), labels[i], overrides.apply(prompt, model.predict(prompt))));
		}
		return predictions;
	}

	/**
	 * Out-of-fold predictions of {@code rows}, in row order.
	 * @param rows the labelled rows
	 * @param tiers the tiers, lightest first
	 * @param trainer the pipeline to train per fold
	 * @param folds the fold of each row
	 * @param overrides what the request path does to the model's probabilities (strong
	 * rules), or {@link Overrides#NONE}
	 * @param progress told the number of each fold as it finishes
	 * @return one prediction per row
	 */
	public static List<Prediction> run(List<LabelledPrompt> rows, List<String> tiers, ModelTrainer trainer, Folds folds,
			Overrides overrides, IntConsumer progress) {
		int[] labels = ModelTrainer.labels(rows, tiers);
		List<SparseVector> vectors = trainer.vectors(rows);
		Prediction[] predictions = new Prediction[rows.size()];
		for (int fold = 0; fold < folds.count(); fold++) {
			List<SparseVector> trainVectors = new ArrayList<>();
			List<Integer> trainLabels = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (folds.foldOf()[i] != fold) {
					trainVectors.add(vectors.get(i));
					trainLabels.add(labels[i]);
				}
			}
			Fitted fitted = trainer.fit(trainVectors, trainLabels.stream().mapToInt(Integer::intValue).toArray(),
					tiers.size());
			for (int i = 0; i < rows.size(); i++) {
				if (folds.foldOf()[i] == fold) {
					double[] logits = fitted.linear().logits(vectors.get(i));
					double[] probabilities = Softmax.of(logits, fitted.temperature());
					predictions[i] = new Prediction(rows.get(i), labels[i],
							overrides.apply(rows.get(i).prompt(), probabilities));
				}
			}
			progress.accept(fold);
		}
		return List.of(predictions);
	}

}
