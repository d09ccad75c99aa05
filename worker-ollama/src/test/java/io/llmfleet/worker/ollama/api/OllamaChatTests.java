package io.llmfleet.worker.ollama.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaChatTests {

	@Test
	void requestIsWrittenInOllamaFieldNamesLeavingOutUnsetOptions() {
		OllamaChat.Request request = new OllamaChat.Request("llama3.2:3b",
				List.of(new OllamaChat.Message("user", "Hi")), true, "5m",
				new OllamaChat.Options(16, null, 0.5f, null, 7L, 8192));

		String json = OllamaChat.MAPPER.writeValueAsString(request);

		assertThat(json).isEqualTo("{\"model\":\"llama3.2:3b\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
				+ "\"stream\":true,\"keep_alive\":\"5m\",\"options\":{\"num_predict\":16,\"top_p\":0.5,\"seed\":7,"
				+ "\"num_ctx\":8192}}");
	}

	@Test
	void finalChunkCarriesReasonAndTokenCounts() {
		String line = "{\"model\":\"llama3.2:3b\",\"created_at\":\"2025-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
				+ "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\",\"total_duration\":5589157167,"
				+ "\"prompt_eval_count\":26,\"eval_count\":298,\"eval_duration\":4799921000}";

		OllamaChat.Chunk chunk = OllamaChat.MAPPER.readValue(line, OllamaChat.Chunk.class);

		assertThat(chunk.done()).isTrue();
		assertThat(chunk.doneReason()).isEqualTo("stop");
		assertThat(chunk.promptEvalCount()).isEqualTo(26);
		assertThat(chunk.evalCount()).isEqualTo(298);
		assertThat(chunk.totalDuration()).isEqualTo(5589157167L);
		assertThat(chunk.evalDuration()).isEqualTo(4799921000L);
		assertThat(chunk.loadDuration()).isNull();
	}

	@Test
	void errorBodyTextIsTakenFromTheErrorFieldOrQuotedRaw() {
		assertThat(OllamaClient.errorText("{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}"))
			.isEqualTo("model \"x\" not found, try pulling it first");
		assertThat(OllamaClient.errorText("<html>Bad Gateway</html>")).isEqualTo("<html>Bad Gateway</html>");
		assertThat(OllamaClient.errorText("")).isEqualTo("(empty body)");
	}

}
