package io.llmfleet.classifier.decision;

import java.util.List;

import org.springframework.util.unit.DataSize;

import io.llmfleet.classifier.rules.Rule;
import io.llmfleet.classifier.rules.RuleSet;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;

/**
 * The fleet the decision tests classify for: three tiers (fast, code, heavy) with one
 * model each, and one rule that sends code fences to the code tier.
 */
final class TestFleet {

	static final FleetCatalog CATALOG = new FleetCatalog(
			List.of(new Tier("fast", List.of()), new Tier("code", List.of("fast")),
					new Tier("heavy", List.of("code", "fast"))),
			List.of(model("f1", "fast"), model("c1", "code"), model("h1", "heavy")));

	static final RuleSet RULES = new RuleSet(
			List.of(new Rule("code-fence", "code", 0.95, "```", null, null, "code", null)), CATALOG);

	private TestFleet() {
	}

	private static Model model(String id, String tier) {
		return new Model(id, "ollama", id, tier, 8192, DataSize.ofGigabytes(1));
	}

}
