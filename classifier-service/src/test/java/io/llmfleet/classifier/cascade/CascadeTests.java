package io.llmfleet.classifier.cascade;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.model.TierPredictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CascadeTests {

	@Test
	void theSecondStageIsAskedOnlyWhenTheFirstIsBelowTheThreshold() {
		RecordingStage second = new RecordingStage(0.1, 0.1, 0.8);
		Cascade cascade = new Cascade(second, 0.6, 1.0);

		double[] sure = cascade.decide(new double[] { 0.7, 0.2, 0.1 }, "sure");
		double[] unsure = cascade.decide(new double[] { 0.5, 0.1, 0.4 }, "unsure");
		double[] atThreshold = cascade.decide(new double[] { 0.6, 0.3, 0.1 }, "at threshold");

		assertThat(second.prompts).containsExactly("unsure");
		assertThat(sure).containsExactly(0.7, 0.2, 0.1);
		assertThat(unsure).containsExactly(0.1, 0.1, 0.8);
		assertThat(atThreshold).containsExactly(0.6, 0.3, 0.1);
	}

	@Test
	void theWeightSharesTheProbabilitiesBetweenTheStages() {
		Cascade cascade = new Cascade(new RecordingStage(0, 0, 1), 0.9, 0.25);

		double[] combined = cascade.decide(new double[] { 0.4, 0.2, 0.4 }, "prompt");

		assertThat(combined[0]).isCloseTo(0.3, within(1e-12));
		assertThat(combined[1]).isCloseTo(0.15, within(1e-12));
		assertThat(combined[2]).isCloseTo(0.55, within(1e-12));
	}

	@Test
	void aThresholdOrWeightOutsideZeroToOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Cascade(null, 1.2, 0.5)).withMessageContaining("1.2");
		assertThatIllegalArgumentException().isThrownBy(() -> new Cascade(null, 0.5, -0.1))
			.withMessageContaining("-0.1");
	}

	/** A second stage with fixed probabilities that records what it was asked. */
	private static final class RecordingStage implements TierPredictor {

		private final double[] probabilities;

		private final List<String> prompts = new ArrayList<>();

		RecordingStage(double... probabilities) {
			this.probabilities = probabilities;
		}

		@Override
		public String id() {
			return "recording@1";
		}

		@Override
		public List<String> tiers() {
			return List.of("fast", "code", "heavy");
		}

		@Override
		public double[] predict(String prompt) {
			this.prompts.add(prompt);
			return this.probabilities.clone();
		}

	}

}
