package io.llmfleet.core.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FleetCatalogTests {

	static final FleetCatalog CATALOG = new FleetCatalog(
			List.of(new Tier("small", List.of()), new Tier("medium", List.of("small")),
					new Tier("large", List.of("medium", "small"))),
			List.of(model("s1", "small"), model("m1", "medium"), model("m2", "medium"), model("l1", "large")));

	@Test
	void fallbackWalksTheClassifiedTiersChainPastTheFailedTier() {
		assertThat(CATALOG.fallbacksAfter("large", "large")).containsExactly("medium", "small");
		assertThat(CATALOG.fallbacksAfter("large", "medium")).containsExactly("small");
		assertThat(CATALOG.fallbacksAfter("large", "small")).isEmpty();
		assertThat(CATALOG.fallbacksAfter("small", "small")).isEmpty();
	}

	@Test
	void aTierOffTheClassifiedChainFallsBackAlongItsOwnChain() {
		assertThat(CATALOG.fallbacksAfter("small", "large")).containsExactly("medium", "small");
	}

	@Test
	void heavierTiersAreListedLightestFirst() {
		assertThat(CATALOG.heavierTiers("small")).containsExactly("medium", "large");
		assertThat(CATALOG.heavierTiers("large")).isEmpty();
	}

	@Test
	void tiersAreOrderedLightToHeavyAsConfigured() {
		assertThat(CATALOG.lightestTier()).isEqualTo("small");
		assertThat(CATALOG.heavierThan("small")).isEqualTo("medium");
		assertThat(CATALOG.heavierThan("large")).isEqualTo("large");
		assertThat(CATALOG.heavierOf("small", "large")).isEqualTo("large");
		assertThat(CATALOG.modelsOf("medium")).extracting(Model::id).containsExactly("m1", "m2");
	}

	@Test
	void aModelOfAnUnknownTierIsRefusedNamingBoth() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FleetCatalog(List.of(new Tier("small", List.of())), List.of(model("x", "huge"))))
			.withMessageContaining("'x'")
			.withMessageContaining("'huge'")
			.withMessageContaining("[small]");
	}

	@Test
	void aFallbackToAHeavierTierIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new FleetCatalog(List.of(new Tier("small", List.of("large")), new Tier("large", List.of())),
							List.of(model("s", "small"))))
			.withMessageContaining("'small' falls back to 'large'");
	}

	@Test
	void repeatedModelIdsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FleetCatalog(List.of(new Tier("small", List.of())),
					List.of(model("s", "small"), model("s", "small"))))
			.withMessageContaining("repeated: [s]");
	}

	static Model model(String id, String tier) {
		return new Model(id, "ollama", id + ":latest", tier, 8192, DataSize.ofGigabytes(1));
	}

}
