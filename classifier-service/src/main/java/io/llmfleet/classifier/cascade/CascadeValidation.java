package io.llmfleet.classifier.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import io.llmfleet.classifier.evaluation.CrossValidation;
import io.llmfleet.classifier.evaluation.Overrides;
import io.llmfleet.classifier.evaluation.Prediction;
import io.llmfleet.classifier.model.TierPredictor;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.ModelTrainer.Fitted;

/**
 * The figures of the cascade next to those of each stage: for each row the first stage's
 * and the second stage's probabilities (out-of-fold under cross-validation: per fold both
 * stages, the head included, are trained on the other folds only), and from them what the
 * cascade does on the request path: a matching strong-signal rule decides as it does for
 * the first stage, and the second stage is asked only when there is no rule and the first
 * stage's confidence is below the cascade threshold.
 */
public final class CascadeValidation {

	private CascadeValidation() {
	}

	/**
	 * Out-of-fold probabilities of both stages.
	 * @param rows the labelled rows
	 * @param tiers the tiers, lightest first
	 * @param first the first stage's training pipeline
	 * @param head the head's trainer
	 * @param embeddings the embedding of each row
	 * @param folds the fold of each row
	 * @param progress told the number of each fold as its first stage finishes
	 * @return both stages' probabilities, before rules
	 */
	public static Stages crossValidate(List<LabelledPrompt> rows, List<String> tiers, ModelTrainer first,
			HeadTrainer head, List<float[]> embeddings, Folds folds, IntConsumer progress) {
		List<Prediction> firstStage = CrossValidation.run(rows, tiers, first, folds, Overrides.NONE, progress);
		int[] labels = ModelTrainer.labels(rows, tiers);
		double[][] second = new double[rows.size()][];
		for (int fold = 0; fold < folds.count(); fold++) {
			List<float[]> trainEmbeddings = new ArrayList<>();
			List<Integer> trainLabels = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				if (folds.foldOf()[i] != fold) {
					trainEmbeddings.add(embeddings.get(i));
					trainLabels.add(labels[i]);
				}
			}
			Fitted fitted = head.fit(trainEmbeddings, trainLabels.stream().mapToInt(Integer::intValue).toArray(),
					tiers.size());
			HeadModel foldHead = new HeadModel("fold", Integer.toString(fold), tiers, "fold", fitted.linear(),
					fitted.temperature(), java.util.Map.of());
			for (int i = 0; i < rows.size(); i++) {
				if (folds.foldOf()[i] == fold) {
					second[i] = foldHead.probabilities(embeddings.get(i));
				}
			}
		}
		double[][] firstProbabilities = new double[rows.size()][];
		for (int i = 0; i < rows.size(); i++) {
			firstProbabilities[i] = firstStage.get(i).probabilities();
		}
		return new Stages(rows, labels, firstProbabilities, second);
	}

	/**
	 * Both stages' probabilities from trained models.
	 * @param rows the labelled rows
	 * @param first the first stage
	 * @param head the second stage's head
	 * @param embeddings the embedding of each row
	 * @return both stages' probabilities, before rules
	 */
	public static Stages predict(List<LabelledPrompt> rows, TierPredictor first, HeadModel head,
			List<float[]> embeddings) {
		int[] labels = ModelTrainer.labels(rows, first.tiers());
		double[][] firstProbabilities = new double[rows.size()][];
		double[][] second = new double[rows.size()][];
		for (int i = 0; i < rows.size(); i++) {
			firstProbabilities[i] = first.predict(rows.get(i).prompt());
			second[i] = head.probabilities(embeddings.get(i));
		}
		return new Stages(rows, labels, firstProbabilities, second);
	}

	/**
	 * Each stage's probabilities for each row, before rules.
	 *
	 * @param rows the labelled rows
	 * @param labels the class of each row
	 * @param first the first stage's probabilities per row
	 * @param second the second stage's probabilities per row
	 */
	public record Stages(List<LabelledPrompt> rows, int[] labels, double[][] first, double[][] second) {

		/** The first stage as it serves: with {@code overrides} (the rules). */
		public List<Prediction> firstStage(Overrides overrides) {
			List<Prediction> predictions = new ArrayList<>(this.rows.size());
			for (int i = 0; i < this.rows.size(); i++) {
				predictions.add(new Prediction(this.rows.get(i), this.labels[i],
						overrides.apply(this.rows.get(i).prompt(), this.first[i])));
			}
			return predictions;
		}

		/** The second stage alone, with the same rules in front of it. */
		public List<Prediction> secondStage(Overrides overrides) {
			List<Prediction> predictions = new ArrayList<>(this.rows.size());
			for (int i = 0; i < this.rows.size(); i++) {
				predictions.add(new Prediction(this.rows.get(i), this.labels[i],
						overrides.apply(this.rows.get(i).prompt(), this.second[i])));
			}
			return predictions;
		}

		/**
		 * The cascade as it serves with {@code overrides}, {@code threshold} and
		 * {@code weight}.
		 */
		public Outcome cascade(Overrides overrides, double threshold, double weight) {
			Cascade rule = new Cascade(null, threshold, weight);
			List<Prediction> predictions = new ArrayList<>(this.rows.size());
			int consulted = 0;
			for (int i = 0; i < this.rows.size(); i++) {
				String prompt = this.rows.get(i).prompt();
				double[] overridden = overrides.apply(prompt, this.first[i]);
				double[] probabilities = overridden;
				// A rule hands back a new distribution; no rule hands back the same
				// array.
				if (overridden == this.first[i] && rule.consults(this.first[i])) {
					probabilities = rule.combine(this.first[i], this.second[i]);
					consulted++;
				}
				predictions.add(new Prediction(this.rows.get(i), this.labels[i], probabilities));
			}
			return new Outcome(predictions, consulted);
		}

	}

	/**
	 * The cascade's predictions.
	 *
	 * @param predictions one per row
	 * @param consulted how many rows reached the second stage
	 */
	public record Outcome(List<Prediction> predictions, int consulted) {

		/** The share of rows that reached the second stage. */
		public double share() {
			return this.predictions.isEmpty() ? 0 : (double) this.consulted / this.predictions.size();
		}

	}

}
