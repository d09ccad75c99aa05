package io.llmfleet.classifier.decision;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.TestModels;
import io.llmfleet.classifier.language.LanguageIdentifier;
import io.llmfleet.classifier.language.LanguageProperties;
import io.llmfleet.classifier.model.ModelFileException;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.classifier.rules.ClassifierDecision.Classified;
import io.llmfleet.classifier.rules.ClassifierDecision.Rejected;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TierClassifierTests {

	private static final LanguageIdentifier LANGUAGES = new LanguageIdentifier(LanguageProperties.defaults());

	/** Sure of the lightest tier: softmax(4, 0, 0) is about 0.96. */
	private static final TierModel SURE_FAST = TestModels.constant("sure", 4, 0, 0);

	/** Torn between the lightest and the heaviest tier. */
	private static final TierModel TORN = TestModels.constant("torn", 1f, -2f, 0.8f);

	@Test
	void theModelsMostProbableTierWinsWhenItIsSure() {
		Classification classification = classified(SURE_FAST, request("Hello there, how are you?"));

		assertThat(classification.getTier()).isEqualTo("fast");
		assertThat(classification.getConfidence()).isGreaterThan(0.9);
		assertThat(classification.getClassifier()).isEqualTo("constant@sure");
		assertThat(classification.getTierScores()).containsOnlyKeys("fast", "code", "heavy");
		assertThat(classification.getPinned()).isFalse();
	}

	@Test
	void belowTheThresholdARequestGoesToTheHeavierOfTheNextTierAndTheRunnerUp() {
		Classification classification = classified(TORN, request("Tell me about rivers."));

		assertThat(classification.getTier()).isEqualTo("heavy");
		assertThat(classification.getConfidence()).isLessThan(0.6);
	}

	@Test
	void aStrongRuleOverridesTheModel() {
		Classification classification = classified(SURE_FAST, request("Why?\n```js\nlet x = 1;\n```"));

		assertThat(classification.getTier()).isEqualTo("code");
		assertThat(classification.getConfidence()).isEqualTo(0.95);
		assertThat(classification.getTierScores()).containsEntry("code", 0.95);
		assertThat(classification.getCapabilities()).contains("code");
	}

	@Test
	void anExplicitPinWinsWithFullConfidence() {
		InferenceRequest.Builder pinned = request("Prove it\n```x```").setModel("f1");

		Classification classification = classified(TORN, pinned);

		assertThat(classification.getTier()).isEqualTo("fast");
		assertThat(classification.getConfidence()).isEqualTo(1.0);
		assertThat(classification.getPinned()).isTrue();
		assertThat(classification.getTierScores()).containsOnlyKeys("fast");
	}

	@Test
	void aTierHintCanOnlyMakeTheTierHeavier() {
		assertThat(classified(SURE_FAST, request("hi").setTierHint("heavy")).getTier()).isEqualTo("heavy");
		assertThat(classified(SURE_FAST, request("```x```").setTierHint("fast")).getTier()).isEqualTo("code");
	}

	@Test
	void everyClassificationCarriesLanguageCapabilitiesComplexityAndTokens() {
		Classification classification = classified(SURE_FAST, request("¿Cuál es la capital de Australia?"));

		assertThat(classification.getLanguage()).isEqualTo("es");
		assertThat(classification.getCapabilities()).contains("factual");
		assertThat(classification.getComplexity()).isBetween(0.0, 1.0);
		assertThat(classification.getEstPromptTokens()).isPositive();
	}

	@Test
	void invalidRequestsAndUnknownPinsAreRejectedWithTheReason() {
		assertThat(decide(SURE_FAST, request("hi").setMessages(List.of())))
			.isEqualTo(new Rejected("messages is empty: a request needs at least one message"));
		assertThat(decide(SURE_FAST, request("hi").setMessages(List.of(new ChatMessage("robot", "x")))))
			.isInstanceOfSatisfying(Rejected.class, (rejected) -> assertThat(rejected.reason()).contains("'robot'"));
		assertThat(decide(SURE_FAST, request("hi").setTierHint("enormous"))).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.reason()).contains("'enormous'"));
		assertThat(decide(SURE_FAST, request("hi").setModel("gpt-5"))).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.reason()).contains("'gpt-5'").contains("[f1, c1, h1]"));
	}

	@Test
	void aModelWithATierTheCatalogueLacksIsRefused() {
		TierModel other = new TierModel("other", "1", List.of("fast", "galactic"), TestModels.SPEC,
				TestModels.constant("x", 0, 0).linear(), 1.0, java.util.Map.of());

		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> TierClassifier.requireKnownTiers(other, TestFleet.CATALOG))
			.withMessageContaining("'galactic'");
	}

	private static Classification classified(TierModel model, InferenceRequest.Builder request) {
		return ((Classified) decide(model, request)).classification();
	}

	private static ClassifierDecision decide(TierModel model, InferenceRequest.Builder request) {
		return new TierClassifier(TestFleet.CATALOG, TestFleet.RULES, () -> model, LANGUAGES, 0.6)
			.classify(request.build());
	}

	private static InferenceRequest.Builder request(String prompt) {
		return InferenceRequest.newBuilder()
			.setRequestId("r-1")
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(Instant.now());
	}

}
