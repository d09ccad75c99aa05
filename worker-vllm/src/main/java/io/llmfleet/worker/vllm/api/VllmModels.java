package io.llmfleet.worker.vllm.api;

import java.util.List;

/**
 * The JSON of vLLM's OpenAI-compatible {@code GET /v1/models}: the served model names. A
 * vLLM server loads its models at start-up, so every model listed is loaded.
 *
 * @param data the served models
 */
public record VllmModels(List<Model> data) {

	public VllmModels {
		data = (data != null) ? List.copyOf(data) : List.of();
	}

	/**
	 * One served model.
	 *
	 * @param id the served name ({@code --served-model-name}), which requests name
	 * @param root the model it was loaded from
	 * @param parent the base model of a LoRA adapter, null for a base model
	 */
	public record Model(String id, String root, String parent) {
	}

}
