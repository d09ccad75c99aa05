package io.llmfleet.classifier.training;

import java.util.Arrays;
import java.util.List;

import io.llmfleet.classifier.features.SparseVector;
import io.llmfleet.classifier.model.LinearModel;

/**
 * Trains multinomial logistic regression with an L2 penalty by L-BFGS over any sparse
 * vectors: hashed n-grams today, a dense embedding head (vectors from
 * {@link SparseVector#dense(float[])}) tomorrow. The objective is the weighted mean
 * negative log-likelihood plus {@code l2 / 2 * |W|^2} (biases unpenalised); it is
 * strictly convex, so the result depends on the data and options only, never on order or
 * seed. Only features that occur in at least {@code minCount} examples get parameters.
 */
public final class SoftmaxTrainer {

	private final TrainingOptions options;

	public SoftmaxTrainer(TrainingOptions options) {
		this.options = options;
	}

	/**
	 * Fits a model.
	 * @param vectors the examples
	 * @param labels the class of each example, {@code 0..classes-1}
	 * @param classes the number of classes
	 * @param dimension the size of the feature space
	 * @return the weights over the whole feature space
	 */
	public LinearModel train(List<SparseVector> vectors, int[] labels, int classes, int dimension) {
		int[] compact = new int[dimension];
		for (SparseVector vector : vectors) {
			for (int index : vector.indices()) {
				compact[index]++;
			}
		}
		// Features seen in fewer than minCount examples get no weight: they cannot
		// generalise, and dropping them shrinks the problem several times.
		int used = 0;
		for (int index = 0; index < dimension; index++) {
			compact[index] = (compact[index] >= this.options.minCount()) ? used++ : -1;
		}
		int[][] rows = new int[vectors.size()][];
		float[][] values = new float[vectors.size()][];
		for (int e = 0; e < rows.length; e++) {
			int[] indices = vectors.get(e).indices();
			int kept = 0;
			for (int index : indices) {
				kept += (compact[index] >= 0) ? 1 : 0;
			}
			rows[e] = new int[kept];
			values[e] = new float[kept];
			kept = 0;
			for (int k = 0; k < indices.length; k++) {
				if (compact[indices[k]] >= 0) {
					rows[e][kept] = compact[indices[k]] * classes;
					values[e][kept++] = vectors.get(e).values()[k];
				}
			}
		}
		double[] exampleWeights = exampleWeights(labels, classes);
		Problem problem = new Problem(rows, values, labels, classes, used, exampleWeights, this.options.l2());
		double[] parameters = new double[(used + 1) * classes];
		new Lbfgs(10, this.options.maxIterations(), this.options.tolerance()).minimize(problem::evaluate, parameters);
		float[] weights = new float[dimension * classes];
		for (int index = 0; index < dimension; index++) {
			if (compact[index] >= 0) {
				for (int c = 0; c < classes; c++) {
					weights[index * classes + c] = (float) parameters[compact[index] * classes + c];
				}
			}
		}
		float[] bias = new float[classes];
		for (int c = 0; c < classes; c++) {
			bias[c] = (float) parameters[used * classes + c];
		}
		return new LinearModel(dimension, classes, weights, bias);
	}

	private double[] exampleWeights(int[] labels, int classes) {
		double[] weights = new double[labels.length];
		int[] counts = new int[classes];
		for (int label : labels) {
			counts[label]++;
		}
		for (int i = 0; i < labels.length; i++) {
			weights[i] = this.options.balanced() ? (double) labels.length / (classes * counts[labels[i]]) : 1.0;
		}
		return weights;
	}

	/**
	 * The objective and its gradient over compacted parameters (biases last); each
	 * example's features are given as the offsets of their parameter rows.
	 */
	private record Problem(int[][] rows, float[][] values, int[] labels, int classes, int used, double[] exampleWeights,
			double l2) {

		double evaluate(double[] parameters, double[] gradient) {
			Arrays.fill(gradient, 0);
			int biasBase = this.used * this.classes;
			double loss = 0;
			double total = 0;
			double[] logits = new double[this.classes];
			for (int e = 0; e < this.rows.length; e++) {
				int[] rows = this.rows[e];
				float[] values = this.values[e];
				System.arraycopy(parameters, biasBase, logits, 0, this.classes);
				for (int k = 0; k < rows.length; k++) {
					int row = rows[k];
					double value = values[k];
					for (int c = 0; c < this.classes; c++) {
						logits[c] += parameters[row + c] * value;
					}
				}
				double max = Double.NEGATIVE_INFINITY;
				for (double logit : logits) {
					max = Math.max(max, logit);
				}
				double sum = 0;
				for (int c = 0; c < this.classes; c++) {
					logits[c] = Math.exp(logits[c] - max);
					sum += logits[c];
				}
				double weight = this.exampleWeights[e];
				total += weight;
				loss -= weight * Math.log(Math.max(1e-300, logits[this.labels[e]] / sum));
				for (int c = 0; c < this.classes; c++) {
					logits[c] = weight * (logits[c] / sum - ((c == this.labels[e]) ? 1 : 0));
					gradient[biasBase + c] += logits[c];
				}
				for (int k = 0; k < rows.length; k++) {
					int row = rows[k];
					double value = values[k];
					for (int c = 0; c < this.classes; c++) {
						gradient[row + c] += logits[c] * value;
					}
				}
			}
			double penalty = 0;
			for (int i = 0; i < biasBase; i++) {
				gradient[i] = gradient[i] / total + this.l2 * parameters[i];
				penalty += parameters[i] * parameters[i];
			}
			for (int i = biasBase; i < gradient.length; i++) {
				gradient[i] /= total;
			}
			return loss / total + 0.5 * this.l2 * penalty;
		}

	}

}
