package io.llmfleet.worker.ollama;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.ollama.api.OllamaPs;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaStatusTests {

	private static final List<Model> SERVED = List.of(
			new Model("llama3.2-3b", "ollama", "llama3.2:3b", "fast", 8192, DataSize.ofGigabytes(3)),
			new Model("mistral-7b", "ollama", "mistral", "code", 8192, DataSize.ofGigabytes(5)));

	@Test
	void loadedModelsMapBackToCatalogueIdsWithTheirVram() {
		OllamaPs.Running running = new OllamaPs.Running(
				List.of(new OllamaPs.Model("llama3.2:3b", "llama3.2:3b", 2_000_000_000L, 1_500_000_000L, null, null)));

		BackendStatus status = OllamaBackend.toStatus(running, SERVED);

		assertThat(status.loaded()).containsExactly(new BackendStatus.Loaded("llama3.2-3b", 1_500_000_000L, false));
		assertThat(status.otherVramBytes()).isZero();
		assertThat(status.error()).isNull();
		assertThat(status.running()).isNull();
		assertThat(status.kvCacheUsage()).isNull();
	}

	@Test
	void aNameWithoutATagIsTheLatestTagAsOllamaReadsIt() {
		OllamaPs.Running running = new OllamaPs.Running(
				List.of(new OllamaPs.Model("mistral:latest", "mistral:latest", 5L, 5L, null, null)));

		assertThat(OllamaBackend.toStatus(running, SERVED).loaded())
			.containsExactly(new BackendStatus.Loaded("mistral-7b", 5L, false));
	}

	@Test
	void loadedModelsThisWorkerDoesNotServeCountAsOtherVram() {
		OllamaPs.Running running = new OllamaPs.Running(
				List.of(new OllamaPs.Model("gemma3:27b", null, 17L, 16L, null, null),
						new OllamaPs.Model(null, "qwen3:8b", 6L, 4L, null, null)));

		BackendStatus status = OllamaBackend.toStatus(running, SERVED);

		assertThat(status.loaded()).isEmpty();
		assertThat(status.otherVramBytes()).isEqualTo(20L);
	}

	@Test
	void nothingLoadedIsAnEmptyListNotAnUnknownOne() {
		assertThat(OllamaBackend.toStatus(new OllamaPs.Running(null), SERVED).loaded()).isEmpty();
	}

}
