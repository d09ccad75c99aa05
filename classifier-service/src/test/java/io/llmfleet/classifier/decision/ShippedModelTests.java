package io.llmfleet.classifier.decision;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model the jar ships: it loads from the classpath, names itself, and puts the
 * prompts the end-to-end test and the demo use in the tiers the rubric gives them.
 */
class ShippedModelTests {

	private static final TierModel MODEL = load();

	@Test
	void theShippedModelNamesItselfAndItsTiers() {
		assertThat(MODEL.id()).startsWith("tier-lr@");
		assertThat(MODEL.tiers()).containsExactly("fast", "code", "heavy");
		assertThat(MODEL.metadata()).containsKey("data-sha256");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			fast  | What is the capital of country 17?
			fast  | Who wrote Pride and Prejudice?
			fast  | Translate 'good morning' into Spanish.
			fast  | Give me three synonyms for happy.
			code  | Write a Python function that returns 17 squared.
			code  | Write a regex that matches ISO-8601 dates like 2026-11-22.
			code  | Write a bash script that prints the ten largest files under the current directory.
			code  | Implement binary search in Rust.
			heavy | Prove step by step that 17 plus one is greater than 17.
			heavy | Write an essay on the ethical implications of autonomous weapons.
			heavy | Compare and contrast utilitarianism and Kantian ethics using three concrete dilemmas.
			""")
	void clearPromptsLandInTheirTier(String tier, String prompt) {
		double[] probabilities = MODEL.predict(prompt);

		assertThat(MODEL.tiers().get(argmax(probabilities))).as(prompt).isEqualTo(tier);
	}

	@Test
	void probabilitiesSumToOne() {
		for (String prompt : List.of("hi", "ಕನ್ನಡ", "```\ncode\n```", "")) {
			double sum = 0;
			for (double probability : MODEL.predict(prompt)) {
				sum += probability;
			}
			assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
		}
	}

	private static int argmax(double[] values) {
		int best = 0;
		for (int c = 1; c < values.length; c++) {
			best = (values[c] > values[best]) ? c : best;
		}
		return best;
	}

	private static TierModel load() {
		try {
			return ModelLocation.of(ClassifierProperties.DEFAULT_MODEL).load();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
