package io.llmfleet.classifier.rules;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class RuleSetTests {

	static final FleetCatalog CATALOG = new FleetCatalog(
			List.of(new Tier("light", List.of()), new Tier("coding", List.of("light")),
					new Tier("deep", List.of("coding", "light"))),
			List.of(model("l1", "light"), model("c1", "coding"), model("d1", "deep")));

	private final RuleSet rules = new RuleSet(
			List.of(new Rule("fence", "coding", 0.9, "```", null, null, "code", null),
					new Rule("long", "deep", 0.9, null, 100, null, null, null),
					new Rule("essay", "deep", 0.8, null, null, 300, "creative", null),
					new Rule("proof", "deep", 0.85, "(?i)\\bprove that\\b", null, null, null, List.of("Prove"))),
			CATALOG);

	@Test
	void theMostConfidentMatchWinsAndTheHeavierOnATie() {
		assertThat(this.rules.strongest("```x```", 10, 0)).get().extracting(RuleSet.Match::name).isEqualTo("fence");
		assertThat(this.rules.strongest("```x```", 500, 0)).get().extracting(RuleSet.Match::name).isEqualTo("long");
		assertThat(this.rules.strongest("plain", 10, 0)).isEmpty();
	}

	@Test
	void aTargetLengthRuleMatchesLongRequests() {
		assertThat(this.rules.strongest("an essay", 10, 1200)).get().extracting(RuleSet.Match::tier).isEqualTo("deep");
		assertThat(this.rules.strongest("a note", 10, 150)).isEmpty();
	}

	@Test
	void aRuleWithWordsToLookForRunsOnlyWhenOneIsThere() {
		assertThat(this.rules.strongest("PROVE THAT it halts", 10, 0)).get()
			.extracting(RuleSet.Match::name)
			.isEqualTo("proof");
		assertThat(this.rules.strongest("Show that it halts", 10, 0)).isEmpty();
	}

	@Test
	void anOverrideGivesTheRuleTierItsConfidenceAndKeepsTheRestInProportion() {
		double[] probabilities = RuleSet.override(new double[] { 0.6, 0.1, 0.3 }, List.of("light", "coding", "deep"),
				new RuleSet.Match("fence", "coding", 0.9, "code"));

		assertThat(probabilities[1]).isEqualTo(0.9);
		assertThat(probabilities[0]).isCloseTo(0.1 * 2 / 3, within(1e-9));
		assertThat(probabilities[2]).isCloseTo(0.1 / 3, within(1e-9));
	}

	@Test
	void aRuleForAnUnknownTierStopsStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new RuleSet(List.of(new Rule("bad", "galactic", 0.9, "x", null, null, null, null)), CATALOG))
			.withMessageContaining("'galactic'");
	}

	@Test
	void aRuleThatWouldMatchEverythingIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rule("all", "light", 0.9, null, null, null, null, null))
			.withMessageContaining("matches everything");
	}

	@Test
	void anInvalidPatternIsRefusedQuotingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Rule("broken", "light", 0.9, "(unclosed", null, null, null, null))
			.withMessageContaining("'(unclosed'");
	}

	static Model model(String id, String tier) {
		return new Model(id, "ollama", id, tier, 8192, DataSize.ofGigabytes(1));
	}

}
