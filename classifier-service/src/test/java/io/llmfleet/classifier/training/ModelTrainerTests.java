package io.llmfleet.classifier.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.TestModels;
import io.llmfleet.classifier.model.ModelFile;
import io.llmfleet.classifier.model.TierModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelTrainerTests {

	@Test
	void theSameDataAndOptionsGiveAByteIdenticalModel() throws IOException {
		TierModel first = TestModels.trainedOnSubset("1");
		TierModel second = TestModels.trainedOnSubset("1");

		assertThat(bytes(first)).isEqualTo(bytes(second));
		assertThat(first.temperature()).isPositive();
		assertThat(first.metadata()).containsEntry("rows", "611").containsEntry("seed", "7");
	}

	@Test
	void aTrainedModelSeparatesClearPromptsOfEachTier() {
		TierModel model = TestModels.trainedOnSubset("1");

		assertThat(top(model, "Write a Python function that reverses a linked list.")).isEqualTo("code");
		assertThat(top(model, "What is the capital of Peru?")).isEqualTo("fast");
		assertThat(top(model, "Natalia sold 48 clips in April and half as many in May. How many clips did she sell "
				+ "altogether in April and May?"))
			.isEqualTo("heavy");
	}

	@Test
	void aRowWithATierOutsideTheListIsRefused() {
		List<LabelledPrompt> rows = List.of(new LabelledPrompt("x", "hi", "medium", "c", "en", "s"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ModelTrainer(TestModels.SPEC, TestModels.quickOptions()).train(rows, TestModels.TIERS,
					"m", "1", Map.of()))
			.withMessageContaining("'medium'");
	}

	private static String top(TierModel model, String prompt) {
		double[] probabilities = model.predict(prompt);
		int best = 0;
		for (int c = 1; c < probabilities.length; c++) {
			best = (probabilities[c] > probabilities[best]) ? c : best;
		}
		return model.tiers().get(best);
	}

	private static byte[] bytes(TierModel model) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ModelFile.write(model, out);
		return out.toByteArray();
	}

}
