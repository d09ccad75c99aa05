package io.llmfleet.worker.ollama.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaPsTests {

	@Test
	void psReplyAsOllamaDocumentsItIsRead() {
		String body = "{\"models\":[{\"name\":\"mistral:latest\",\"model\":\"mistral:latest\",\"size\":5137025024,"
				+ "\"digest\":\"2ae6f6dd7a3dd734790bbbf58b8909a606e0e7e97e94b7604e0aa7ae4490e6d8\",\"details\":{"
				+ "\"parent_model\":\"\",\"format\":\"gguf\",\"family\":\"llama\",\"families\":[\"llama\"],"
				+ "\"parameter_size\":\"7.2B\",\"quantization_level\":\"Q4_0\"},"
				+ "\"expires_at\":\"2024-06-04T14:38:31.83753-07:00\",\"size_vram\":4137025024,\"context_length\":4096}]}";

		OllamaPs.Running running = OllamaChat.MAPPER.readValue(body, OllamaPs.Running.class);

		assertThat(running.models()).containsExactly(new OllamaPs.Model("mistral:latest", "mistral:latest", 5137025024L,
				4137025024L, "2024-06-04T14:38:31.83753-07:00", 4096));
	}

	@Test
	void noModelsLoadedIsAnEmptyList() {
		assertThat(OllamaChat.MAPPER.readValue("{\"models\":[]}", OllamaPs.Running.class).models()).isEmpty();
		assertThat(OllamaChat.MAPPER.readValue("{}", OllamaPs.Running.class).models()).isEmpty();
	}

}
