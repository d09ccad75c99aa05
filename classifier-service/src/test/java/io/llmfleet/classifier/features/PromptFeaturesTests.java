package io.llmfleet.classifier.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptFeaturesTests {

	private final PromptFeatures features = new PromptFeatures(FeatureSpec.defaults());

	@Test
	void theSamePromptAlwaysGivesTheSameFeatures() {
		SparseVector first = this.features.vector("Write a haiku about the sea.");
		SparseVector second = this.features.vector("Write a haiku about the sea.");

		assertThat(first.indices()).containsExactly(second.indices());
		assertThat(first.values()).containsExactly(second.values());
		assertThat(first.indices()).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void numbersGeneraliseByShapeNotValue() {
		SparseVector seven = this.features.vector("A train travels 120 km in 2 hours. How fast is it?");
		SparseVector other = this.features.vector("A train travels 450 km in 5 hours. How fast is it?");

		assertThat(seven.indices()).containsExactly(other.indices());
	}

	@Test
	void everyFeatureFallsInsideTheFeatureSpace() {
		SparseVector vector = this.features.vector("```python\nprint('x')\n```\n" + "word ".repeat(2000) + "？");

		assertThat(vector.dimension()).isLessThanOrEqualTo(FeatureSpec.defaults().dimension());
	}

	@Test
	void theBuilderSumsRepeatedIndices() {
		SparseVector.Builder builder = new SparseVector.Builder();
		builder.accept(7, 0.5f);
		builder.accept(3, 1f);
		builder.accept(7, 0.25f);

		SparseVector vector = builder.build();

		assertThat(vector.indices()).containsExactly(3, 7);
		assertThat(vector.values()).containsExactly(1f, 0.75f);
	}

	@Test
	void aDenseVectorKeepsEveryComponent() {
		SparseVector vector = SparseVector.dense(new float[] { 0f, 2f, 3f });

		assertThat(vector.indices()).containsExactly(0, 1, 2);
		assertThat(vector.dimension()).isEqualTo(3);
	}

}
