package io.llmfleet.classifier.training;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.features.SparseVector;
import io.llmfleet.classifier.model.LinearModel;

import static org.assertj.core.api.Assertions.assertThat;

class SoftmaxTrainerTests {

	private static final List<SparseVector> VECTORS = List.of(dense(1, 0, 0), dense(0.9f, 0.1f, 0), dense(0, 1, 0),
			dense(0.1f, 0.9f, 0), dense(0, 0, 1), dense(0, 0.1f, 0.9f));

	private static final int[] LABELS = { 0, 0, 1, 1, 2, 2 };

	private final TrainingOptions options = new TrainingOptions(1e-3, 200, 1e-9, 1, true, 0, 1L);

	@Test
	void denseVectorsOfSeparableClassesAreLearned() {
		LinearModel model = new SoftmaxTrainer(this.options).train(VECTORS, LABELS, 3, 3);

		for (int i = 0; i < VECTORS.size(); i++) {
			assertThat(argmax(model.logits(VECTORS.get(i)))).isEqualTo(LABELS[i]);
		}
	}

	@Test
	void trainingTwiceGivesTheSameWeights() {
		LinearModel first = new SoftmaxTrainer(this.options).train(VECTORS, LABELS, 3, 3);
		LinearModel second = new SoftmaxTrainer(this.options).train(VECTORS, LABELS, 3, 3);

		assertThat(first).isEqualTo(second);
	}

	@Test
	void featuresSeenInTooFewExamplesGetNoWeight() {
		List<SparseVector> vectors = List.of(new SparseVector(new int[] { 0, 5 }, new float[] { 1, 1 }),
				new SparseVector(new int[] { 0 }, new float[] { 1 }),
				new SparseVector(new int[] { 1 }, new float[] { 1 }),
				new SparseVector(new int[] { 1 }, new float[] { 1 }));
		TrainingOptions minTwo = new TrainingOptions(1e-3, 50, 1e-9, 2, true, 0, 1L);

		LinearModel model = new SoftmaxTrainer(minTwo).train(vectors, new int[] { 0, 0, 1, 1 }, 2, 8);

		assertThat(model.weight(5, 0)).isZero();
		assertThat(model.weight(0, 0)).isPositive();
		assertThat(model.nonZeroFeatures()).isEqualTo(2);
	}

	@Test
	void aStrongerPenaltyGivesSmallerWeights() {
		LinearModel weak = new SoftmaxTrainer(this.options).train(VECTORS, LABELS, 3, 3);
		LinearModel strong = new SoftmaxTrainer(this.options.withL2(1.0)).train(VECTORS, LABELS, 3, 3);

		assertThat(Math.abs(strong.weight(0, 0))).isLessThan(Math.abs(weak.weight(0, 0)));
	}

	private static SparseVector dense(float... values) {
		return SparseVector.dense(values);
	}

	private static int argmax(double[] values) {
		int best = 0;
		for (int c = 1; c < values.length; c++) {
			best = (values[c] > values[best]) ? c : best;
		}
		return best;
	}

}
