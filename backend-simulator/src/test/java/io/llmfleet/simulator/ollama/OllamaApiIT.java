package io.llmfleet.simulator.ollama;

import java.net.http.HttpResponse;
import java.util.List;

import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorClient;
import io.llmfleet.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.llmfleet.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class OllamaApiIT {

	private static final String CHAT = """
			{"model": "llama3.2:3b", "messages": [{"role": "user", "content": "Why is the sky blue?"}]%s}""";

	private static BackendSimulator simulator;

	private static SimulatorClient ollama;

	@BeforeAll
	static void start() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withOllamaModels(List.of("llama3.2:3b", "qwen2.5-coder:7b", "mistral"))
			.withDefaultMaxTokens(12));
		ollama = new SimulatorClient(simulator.ollamaBaseUrl());
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void rootAnswersOllamaIsRunning() {
		HttpResponse<String> response = ollama.get("/");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Ollama is running");
	}

	@Test
	void chatStreamsByDefaultOneNdjsonObjectPerTokenThenStatistics() {
		List<String> lines = ollama.postForLines("/api/chat", CHAT.formatted(""));
		assertThat(lines).hasSize(13);
		StringBuilder text = new StringBuilder();
		for (String line : lines.subList(0, 12)) {
			JsonNode chunk = json(line);
			assertThat(chunk.path("model").asString()).isEqualTo("llama3.2:3b");
			assertThat(chunk.path("created_at").asString()).endsWith("Z");
			assertThat(chunk.path("message").path("role").asString()).isEqualTo("assistant");
			assertThat(chunk.path("done").asBoolean()).isFalse();
			assertThat(chunk.has("eval_count")).isFalse();
			text.append(chunk.path("message").path("content").asString());
		}
		assertThat(text.toString()).isEqualTo("Simulated answer to \"Why is the sky blue");
		JsonNode last = json(lines.get(12));
		assertThat(last.path("done").asBoolean()).isTrue();
		assertThat(last.path("done_reason").asString()).isEqualTo("stop");
		assertThat(last.path("message").path("content").asString()).isEmpty();
		assertThat(last.path("eval_count").asInt()).isEqualTo(12);
		assertThat(last.path("prompt_eval_count").asInt()).isEqualTo(6 + 4);
		for (String duration : List.of("total_duration", "load_duration", "prompt_eval_duration", "eval_duration")) {
			assertThat(last.path(duration).isIntegralNumber()).as(duration).isTrue();
			assertThat(last.path(duration).asLong()).as(duration).isPositive();
		}
		assertThat(last.path("total_duration").asLong()).isGreaterThanOrEqualTo(last.path("eval_duration").asLong());
	}

	@Test
	void chatWithoutStreamingAnswersWithOneObject() {
		HttpResponse<String> response = ollama.post("/api/chat", CHAT.formatted(", \"stream\": false"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode reply = json(response);
		assertThat(reply.path("done").asBoolean()).isTrue();
		assertThat(reply.path("message").path("content").asString()).startsWith("Simulated answer to");
		assertThat(reply.path("eval_count").asInt()).isEqualTo(12);
	}

	@Test
	void numPredictCutsTheAnswerWithLengthReason() {
		JsonNode reply = json(ollama.post("/api/chat",
				CHAT.formatted(", \"stream\": false, \"options\": {\"num_predict\": 3, \"temperature\": 0.2}")));
		assertThat(reply.path("eval_count").asInt()).isEqualTo(3);
		assertThat(reply.path("done_reason").asString()).isEqualTo("length");
	}

	@Test
	void sameSeedGivesTheSameAnswerStreamedOrNot() {
		String seeded = ", \"options\": {\"seed\": 42}";
		String whole = json(ollama.post("/api/chat", CHAT.formatted(seeded + ", \"stream\": false"))).path("message")
			.path("content")
			.asString();
		StringBuilder streamed = new StringBuilder();
		ollama.postForLines("/api/chat", CHAT.formatted(seeded))
			.forEach((line) -> streamed.append(json(line).path("message").path("content").asString()));
		assertThat(streamed.toString()).isEqualTo(whole);
	}

	@Test
	void generateAnswersInTheResponseField() {
		List<String> lines = ollama.postForLines("/api/generate",
				"{\"model\": \"mistral\", \"prompt\": \"Tell me a joke\"}");
		JsonNode first = json(lines.get(0));
		assertThat(first.path("response").asString()).isEqualTo("Simu");
		assertThat(first.path("model").asString()).isEqualTo("mistral");
		JsonNode last = json(lines.get(lines.size() - 1));
		assertThat(last.path("done").asBoolean()).isTrue();
		assertThat(last.path("response").asString()).isEmpty();
		assertThat(last.path("context").isArray()).isTrue();
		JsonNode whole = json(ollama.post("/api/generate",
				"{\"model\": \"mistral:latest\", \"prompt\": \"Tell me a joke\", \"stream\": false}"));
		assertThat(whole.path("response").asString()).startsWith("Simulated answer to \"Tell me a joke\"");
		assertThat(whole.path("done_reason").asString()).isEqualTo("stop");
	}

	@Test
	void tagsListPulledModelsWithDetails() {
		JsonNode models = json(ollama.get("/api/tags")).path("models");
		assertThat(models).hasSize(3);
		JsonNode first = models.get(0);
		assertThat(first.path("name").asString()).isEqualTo("llama3.2:3b");
		assertThat(first.path("model").asString()).isEqualTo("llama3.2:3b");
		assertThat(first.path("modified_at").asString()).isNotEmpty();
		assertThat(first.path("size").asLong()).isPositive();
		assertThat(first.path("digest").asString()).hasSize(64);
		assertThat(first.path("details").path("parameter_size").asString()).isEqualTo("3.0B");
		assertThat(first.path("details").path("quantization_level").asString()).isEqualTo("Q4_K_M");
		assertThat(models.get(2).path("name").asString()).isEqualTo("mistral:latest");
	}

	@Test
	void psListsAModelOnceUsedAndDropsItAfterKeepAliveZero() {
		ollama.post("/api/chat", CHAT.replace("llama3.2:3b", "qwen2.5-coder:7b").formatted(", \"stream\": false"));
		JsonNode loaded = find(json(ollama.get("/api/ps")).path("models"), "qwen2.5-coder:7b");
		assertThat(loaded).isNotNull();
		assertThat(loaded.path("size_vram").asLong()).isEqualTo(loaded.path("size").asLong());
		assertThat(loaded.path("expires_at").asString()).isNotEmpty();
		assertThat(loaded.path("digest").asString()).hasSize(64);
		assertThat(loaded.path("details").path("family").asString()).isEqualTo("qwen");
		JsonNode unload = json(
				ollama.post("/api/chat", "{\"model\": \"qwen2.5-coder:7b\", \"messages\": [], \"keep_alive\": 0}"));
		assertThat(unload.path("done_reason").asString()).isEqualTo("unload");
		assertThat(find(json(ollama.get("/api/ps")).path("models"), "qwen2.5-coder:7b")).isNull();
	}

	@Test
	void unknownModelIsNotFoundInOllamasWords() {
		HttpResponse<String> response = ollama.post("/api/chat", CHAT.replace("llama3.2:3b", "llama9").formatted(""));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).path("error").asString())
			.isEqualTo("model \"llama9\" not found, try pulling it first");
	}

	@Test
	void badJsonIsABadRequestWithAnError() {
		HttpResponse<String> response = ollama.post("/api/chat", "{\"model\": ");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).isNotEmpty();
	}

	@Test
	void unknownPathGetsGinsPlainNotFound() {
		HttpResponse<String> response = ollama.get("/api/chatty");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("404 page not found");
	}

	private static JsonNode find(JsonNode models, String name) {
		for (JsonNode model : models) {
			if (model.path("name").asString().equals(name)) {
				return model;
			}
		}
		return null;
	}

}
