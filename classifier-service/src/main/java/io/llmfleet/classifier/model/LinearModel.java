package io.llmfleet.classifier.model;

import java.util.Arrays;

import io.llmfleet.classifier.features.FeatureSink;
import io.llmfleet.classifier.features.SparseVector;

/**
 * Multinomial logistic regression weights: one row of {@code classes} weights per
 * feature, stored row by row in one array so that a feature's weights share a cache line,
 * plus a bias per class. Immutable once built; the arrays are never handed out.
 */
public final class LinearModel {

	private final int dimension;

	private final int classes;

	private final float[] weights;

	private final float[] bias;

	/**
	 * A model over {@code dimension} features.
	 * @param dimension the number of features
	 * @param classes the number of classes
	 * @param weights {@code dimension * classes} weights, feature-major; copied
	 * @param bias one bias per class; copied
	 */
	public LinearModel(int dimension, int classes, float[] weights, float[] bias) {
		if (weights.length != (long) dimension * classes || bias.length != classes) {
			throw new IllegalArgumentException("Expected " + dimension + " x " + classes + " weights and " + classes
					+ " biases, got " + weights.length + " and " + bias.length);
		}
		this.dimension = dimension;
		this.classes = classes;
		this.weights = weights.clone();
		this.bias = bias.clone();
	}

	public int dimension() {
		return this.dimension;
	}

	public int classes() {
		return this.classes;
	}

	/** The weight of feature {@code index} for class {@code c}. */
	public float weight(int index, int c) {
		return this.weights[index * this.classes + c];
	}

	/** The bias of class {@code c}. */
	public float bias(int c) {
		return this.bias[c];
	}

	/** A sink that adds each feature's contribution to {@code logits}. */
	public FeatureSink accumulator(double[] logits) {
		for (int c = 0; c < this.classes; c++) {
			logits[c] = this.bias[c];
		}
		if (this.classes == 3) {
			// The common case unrolled: three tiers.
			return (index, value) -> {
				int row = index * 3;
				logits[0] += this.weights[row] * value;
				logits[1] += this.weights[row + 1] * value;
				logits[2] += this.weights[row + 2] * value;
			};
		}
		return (index, value) -> {
			int row = index * this.classes;
			for (int c = 0; c < this.classes; c++) {
				logits[c] += this.weights[row + c] * value;
			}
		};
	}

	/** The logits of a vector. */
	public double[] logits(SparseVector vector) {
		double[] logits = new double[this.classes];
		FeatureSink sink = accumulator(logits);
		for (int i = 0; i < vector.size(); i++) {
			sink.accept(vector.indices()[i], vector.values()[i]);
		}
		return logits;
	}

	/** The number of features with a non-zero weight. */
	public int nonZeroFeatures() {
		int count = 0;
		for (int index = 0; index < this.dimension; index++) {
			if (!isZeroRow(index)) {
				count++;
			}
		}
		return count;
	}

	boolean isZeroRow(int index) {
		for (int c = 0; c < this.classes; c++) {
			if (this.weights[index * this.classes + c] != 0f) {
				return false;
			}
		}
		return true;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LinearModel model && this.dimension == model.dimension && this.classes == model.classes
				&& Arrays.equals(this.weights, model.weights) && Arrays.equals(this.bias, model.bias);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.weights) * 31 + Arrays.hashCode(this.bias);
	}

}
