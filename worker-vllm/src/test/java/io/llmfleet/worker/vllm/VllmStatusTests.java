package io.llmfleet.worker.vllm;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.vllm.api.VllmModels;

import static org.assertj.core.api.Assertions.assertThat;

class VllmStatusTests {

	private static final List<Model> SERVED = List.of(
			new Model("llama-8b", "vllm", "meta-llama/Llama-3.1-8B-Instruct", "fast", 8192, DataSize.ofGigabytes(16)),
			new Model("qwen-32b", "vllm", "Qwen/Qwen2.5-32B-Instruct-AWQ", "heavy", 8192, DataSize.ofGigabytes(20)));

	@Test
	void servedModelsVllmListsAreLoadedWithTheirVramLeftToTheCatalogue() {
		VllmModels models = new VllmModels(
				List.of(new VllmModels.Model("meta-llama/Llama-3.1-8B-Instruct", "/models/llama", null),
						new VllmModels.Model("sql-lora", "/models/llama", "meta-llama/Llama-3.1-8B-Instruct")));

		assertThat(VllmBackend.toLoaded(models, SERVED))
			.containsExactly(new BackendStatus.Loaded("llama-8b", null, false));
	}

	@Test
	void anEmptyListLoadsNothing() {
		assertThat(VllmBackend.toLoaded(new VllmModels(null), SERVED)).isEmpty();
	}

}
