package io.llmfleet.classifier.rules;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.llmfleet.classifier.rules.ClassifierDecision.Classified;
import io.llmfleet.classifier.rules.ClassifierDecision.Rejected;
import io.llmfleet.classifier.rules.ClassifierProperties.Rule;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RuleClassifierTests {

	private static final FleetCatalog CATALOG = new FleetCatalog(
			List.of(new Tier("light", List.of()), new Tier("coding", List.of("light")),
					new Tier("deep", List.of("coding", "light"))),
			List.of(model("l1", "light"), model("c1", "coding"), model("d1", "deep")));

	private static final List<Rule> RULES = List.of(new Rule("fence", "coding", 0.9, "```", null, "code"),
			new Rule("keywords", "coding", 0.7, "(?i)\\bpython\\b", null, "code"),
			new Rule("reasoning", "deep", 0.8, "(?i)\\bprove\\b", null, "reasoning"),
			new Rule("long", "deep", 0.85, null, 100, null), new Rule("unsure", "light", 0.3, "(?i)maybe", null, null));

	private final RuleClassifier classifier = new RuleClassifier(CATALOG,
			new ClassifierProperties("rules", "7", 0.5, 0.6, RULES));

	@Test
	void withoutAMatchingRuleTheLightestTierWinsAtTheDefaultConfidence() {
		Classification classification = classified("What is the capital of France?");

		assertThat(classification.getTier()).isEqualTo("light");
		assertThat(classification.getConfidence()).isEqualTo(0.6);
		assertThat(classification.getClassifier()).isEqualTo("rules@7");
		assertThat(classification.getPinned()).isFalse();
	}

	@Test
	void theMostConfidentMatchingRuleWins() {
		Classification classification = classified("Prove this python function is correct:\n```\ndef f(): pass\n```");

		assertThat(classification.getTier()).isEqualTo("coding");
		assertThat(classification.getConfidence()).isEqualTo(0.9);
		assertThat(classification.getTierScores()).containsEntry("coding", 0.9).containsEntry("deep", 0.8);
		assertThat(classification.getCapabilities()).containsExactlyInAnyOrder("code", "reasoning");
	}

	@Test
	void aLongPromptGoesDeepOnItsTokenCount() {
		assertThat(classified("word ".repeat(200)).getTier()).isEqualTo("deep");
	}

	@Test
	void confidenceBelowTheThresholdGoesOneTierHeavier() {
		Classification classification = classified("maybe you can help");

		assertThat(classification.getTier()).isEqualTo("coding");
		assertThat(classification.getConfidence()).isEqualTo(0.3);
	}

	@Test
	void aTierHintCanOnlyMakeTheTierHeavier() {
		assertThat(classify(request("hello").setTierHint("deep")).classification().getTier()).isEqualTo("deep");
		assertThat(classify(request("in python").setTierHint("light")).classification().getTier()).isEqualTo("coding");
	}

	@Test
	void anExplicitPinWinsWithFullConfidence() {
		Classification classification = classify(request("Prove it in python").setModel("l1")).classification();

		assertThat(classification.getTier()).isEqualTo("light");
		assertThat(classification.getConfidence()).isEqualTo(1.0);
		assertThat(classification.getPinned()).isTrue();
	}

	@Test
	void anUnknownPinIsRejectedListingTheKnownModels() {
		ClassifierDecision decision = this.classifier.classify(request("hi").setModel("gpt-5").build());

		assertThat(decision).isInstanceOfSatisfying(Rejected.class,
				(rejected) -> assertThat(rejected.reason()).contains("'gpt-5'").contains("[l1, c1, d1]"));
	}

	@Test
	void invalidRequestsAreRejectedWithTheReason() {
		assertThat(this.classifier.classify(request("hi").setMessages(List.of()).build()))
			.isEqualTo(new Rejected("messages is empty: a request needs at least one message"));
		assertThat(this.classifier.classify(request("hi").setMessages(List.of(new ChatMessage("robot", "x"))).build()))
			.isInstanceOfSatisfying(Rejected.class, (rejected) -> assertThat(rejected.reason()).contains("'robot'"));
		assertThat(this.classifier.classify(request("hi").setTierHint("enormous").build()))
			.isInstanceOfSatisfying(Rejected.class, (rejected) -> assertThat(rejected.reason()).contains("'enormous'"));
	}

	@Test
	void aRuleForAnUnknownTierStopsStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleClassifier(CATALOG,
					new ClassifierProperties("rules", "1", 0.5, 0.6,
							List.of(new Rule("bad", "galactic", 0.9, "x", null, null)))))
			.withMessageContaining("'galactic'");
	}

	@Test
	void aRuleThatWouldMatchEverythingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rule("all", "light", 0.9, null, null, null))
			.withMessageContaining("needs a pattern or min-prompt-tokens");
	}

	@Test
	void anInvalidPatternIsRefusedQuotingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Rule("broken", "light", 0.9, "(unclosed", null, null))
			.withMessageContaining("'(unclosed'");
	}

	private Classification classified(String prompt) {
		return classify(request(prompt)).classification();
	}

	private Classified classify(InferenceRequest.Builder request) {
		return (Classified) this.classifier.classify(request.build());
	}

	private static InferenceRequest.Builder request(String prompt) {
		return InferenceRequest.newBuilder()
			.setRequestId("r-1")
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(Instant.now());
	}

	private static Model model(String id, String tier) {
		return new Model(id, "ollama", id, tier, 8192, DataSize.ofGigabytes(1));
	}

}
