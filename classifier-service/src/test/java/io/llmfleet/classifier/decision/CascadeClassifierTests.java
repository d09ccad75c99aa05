package io.llmfleet.classifier.decision;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.TestModels;
import io.llmfleet.classifier.cascade.Cascade;
import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.cascade.EmbeddingStage;
import io.llmfleet.classifier.cascade.HeadFile;
import io.llmfleet.classifier.cascade.SharedEncoder;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.rules.ClassifierDecision.Classified;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request path with the shipped second stage behind a first stage of set confidence.
 */
class CascadeClassifierTests {

	/** Sure of the lightest tier: softmax(4, 0, 0) is about 0.96. */
	private static final TierModel SURE_FAST = TestModels.constant("sure", 4, 0, 0);

	/** Unsure: softmax(0.2, 0, 0) is about 0.38 at most. */
	private static final TierModel UNSURE = TestModels.constant("unsure", 0.2f, 0, 0);

	private static EmbeddingStage second;

	@BeforeAll
	static void loadSecondStage() throws IOException {
		second = new EmbeddingStage(SharedEncoder.get(), HeadFile.load(CascadeProperties.DEFAULT_MODEL));
	}

	@Test
	void aSureFirstStageDecidesAloneAndNamesItself() {
		Classification classification = classified(SURE_FAST, 1.0, "Write a Python function that parses a CSV file.");

		assertThat(classification.getTier()).isEqualTo("fast");
		assertThat(classification.getClassifier()).isEqualTo("constant@sure");
	}

	@Test
	void belowTheCascadeThresholdTheSecondStageDecidesAndIsNamed() {
		Classification code = classified(UNSURE, 1.0,
				"Write a Python function that parses a CSV file and sums a column.");
		Classification chat = classified(UNSURE, 1.0, "Hi! How are you doing today?");

		assertThat(code.getClassifier()).isEqualTo(second.id()).matches("tier-minilm-head@.+");
		assertThat(code.getTier()).isEqualTo("code");
		assertThat(chat.getTier()).isEqualTo("fast");
		assertThat(chat.getTierScores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
				org.assertj.core.api.Assertions.within(1e-9));
	}

	@Test
	void aStrongRuleDecidesBeforeTheSecondStageIsAsked() {
		Classification classification = classified(UNSURE, 1.0, "What does this print?\n```\nprint(1)\n```");

		assertThat(classification.getTier()).isEqualTo("code");
		assertThat(classification.getClassifier()).isEqualTo("constant@unsure");
	}

	private static Classification classified(TierModel model, double weight, String prompt) {
		TierClassifier classifier = new TierClassifier(TestFleet.CATALOG, TestFleet.RULES, () -> model, null, 0.0,
				new Cascade(second, 0.6, weight));
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("r-1")
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(Instant.now())
			.build();
		return ((Classified) classifier.classify(request)).classification();
	}

}
