package io.llmfleet.simulator.ollama;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCardTests {

	@Test
	void untaggedNameMeansLatest() {
		assertThat(ModelCard.canonical("llama3.2")).isEqualTo("llama3.2:latest");
		assertThat(ModelCard.canonical("llama3.2:3b")).isEqualTo("llama3.2:3b");
		assertThat(ModelCard.canonical("registry.local:5000/team/llama3"))
			.isEqualTo("registry.local:5000/team/llama3:latest");
	}

	@Test
	void detailsComeFromTheName() {
		ModelCard card = ModelCard.of("qwen2.5-coder:7b");
		assertThat(card.details().family()).isEqualTo("qwen");
		assertThat(card.details().parameterSize()).isEqualTo("7.0B");
		assertThat(card.details().format()).isEqualTo("gguf");
		assertThat(card.size()).isEqualTo(4_200_000_000L);
		assertThat(card.vramSize()).isEqualTo(5_040_000_000L);
		assertThat(card.digest()).hasSize(64).isEqualTo(ModelCard.of("qwen2.5-coder:7b").digest());
	}

	@Test
	void configuredVramSizeWins() {
		assertThat(ModelCard.of("llama3.2:3b", 3_300_000_000L).vramSize()).isEqualTo(3_300_000_000L);
		assertThat(ModelCard.of("llama3.2:3b", 0).vramSize()).isEqualTo(2_160_000_000L);
	}

	@Test
	void sizeFallsBackToTheNameThenToSevenBillion() {
		assertThat(ModelCard.of("llama3.1-8b").details().parameterSize()).isEqualTo("8.0B");
		assertThat(ModelCard.of("mistral").details().parameterSize()).isEqualTo("7.0B");
	}

}
