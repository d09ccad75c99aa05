package io.llmfleet.cli.replay;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.model.ModelLocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayPolicyTests {

	@TempDir
	Path dir;

	@Test
	void theProductionPolicyIsTheServicesOwnConfiguration() {
		ReplayPolicy production = ReplayPolicy.production();

		assertThat(production.classifier().confidenceThreshold()).isEqualTo(0.67);
		assertThat(production.classifier().rules()).isNotEmpty();
		assertThat(production.catalog().tierNames()).containsExactly("fast", "code", "heavy");
		assertThat(production.catalog().model("qwen2.5-32b")).get().extracting((m) -> m.cost()).isEqualTo(8.0);
	}

	@Test
	void aPolicyFileOverridesThresholdCatalogueAndModelWithAPathRelativeToItself() throws Exception {
		Path models = Files.createDirectories(this.dir.resolve("models"));
		try (var shipped = ReplayPolicyTests.class.getClassLoader().getResourceAsStream("models/tier-model.bin")) {
			Files.copy(shipped, models.resolve("candidate.bin"));
		}
		Path policy = this.dir.resolve("candidate.yml");
		Files.writeString(policy, """
				fleet:
				  classifier:
				    model: models/candidate.bin
				    confidence-threshold: 0.8
				  catalog:
				    tiers:
				      - name: fast
				      - name: code
				        fallback: [fast]
				      - name: heavy
				        fallback: [code, fast]
				    models:
				      - {id: small, backend: ollama, backend-model: "small:1b", tier: fast, cost: 0.5}
				      - {id: coder, backend: ollama, backend-model: "coder:7b", tier: code, cost: 2}
				      - {id: large, backend: vllm, backend-model: "large", tier: heavy, cost: 10}
				""");

		ReplayPolicy candidate = ReplayPolicy.load(policy);

		assertThat(candidate.name()).isEqualTo("candidate.yml");
		assertThat(candidate.classifier().confidenceThreshold()).isEqualTo(0.8);
		assertThat(candidate.catalog().modelIds()).containsExactly("small", "coder", "large");
		assertThat(candidate.model().id())
			.isEqualTo(ModelLocation.of(models.resolve("candidate.bin").toString()).load().id());
		assertThat(candidate.classifier().rules()).as("rules still from the service").isNotEmpty();
	}

	@Test
	void aBadPolicyStopsWithWhatIsWrong() throws Exception {
		Path threshold = this.dir.resolve("threshold.yml");
		Files.writeString(threshold, "fleet.classifier.confidence-threshold: 1.5\n");
		Path model = this.dir.resolve("model.yml");
		Files.writeString(model, "fleet.classifier.model: nowhere.bin\n");

		assertThatIllegalArgumentException().isThrownBy(() -> ReplayPolicy.load(threshold))
			.withMessageContaining("confidence-threshold")
			.withMessageContaining("1.5");
		assertThatThrownBy(() -> ReplayPolicy.load(model)).hasMessageContaining("nowhere.bin");
		assertThatIllegalArgumentException().isThrownBy(() -> ReplayPolicy.load(this.dir.resolve("missing.yml")))
			.withMessageContaining("missing.yml");
	}

}
