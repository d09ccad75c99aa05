package io.llmfleet.simulator.ollama;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
import static org.awaitility.Awaitility.await;

/**
 * Model loading as the simulated Ollama does it, with a load time, over real HTTP.
 */
class OllamaModelLoadingIT {

	private static final Duration LOAD_TIME = Duration.ofMillis(200);

	private static final String LLAMA = "llama3.2:3b";

	private static final String QWEN = "qwen2.5-coder:7b";

	private static BackendSimulator simulator;

	private static SimulatorClient ollama;

	@BeforeAll
	static void start() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withOllamaModels(List.of(LLAMA, QWEN))
			.withOllamaLoadTime(LOAD_TIME)
			.withModelVram(LLAMA, 3_400_000_000L)
			.withDefaultMaxTokens(6));
		ollama = new SimulatorClient(simulator.ollamaBaseUrl());
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	private static JsonNode loaded(String name) {
		for (JsonNode model : json(ollama.get("/api/ps")).path("models")) {
			if (model.path("name").asString().equals(name)) {
				return model;
			}
		}
		return null;
	}

	@Test
	void emptyChatLoadsTheModelWhichPsThenListsWithItsVram() {
		ollama.post("/api/chat", "{\"model\": \"llama3.2:3b\", \"messages\": [], \"keep_alive\": 0}");
		assertThat(loaded(LLAMA)).isNull();
		long start = System.nanoTime();
		JsonNode reply = json(ollama.post("/api/chat", "{\"model\": \"llama3.2:3b\", \"messages\": []}"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(LOAD_TIME);
		assertThat(reply.path("done_reason").asString()).isEqualTo("load");
		assertThat(reply.path("done").asBoolean()).isTrue();
		JsonNode model = loaded(LLAMA);
		assertThat(model).isNotNull();
		assertThat(model.path("size_vram").asLong()).isEqualTo(3_400_000_000L);
		assertThat(model.path("size").asLong()).isEqualTo(3_400_000_000L);
		assertThat(model.path("context_length").asInt()).isEqualTo(4096);
		assertThat(model.path("expires_at").asString()).isNotEmpty();
	}

	@Test
	void firstCallPaysTheLoadInLoadDurationAndLaterCallsDoNot() {
		ollama.post("/api/generate", "{\"model\": \"qwen2.5-coder:7b\", \"keep_alive\": 0}");
		JsonNode cold = json(ollama.post("/api/generate",
				"{\"model\": \"qwen2.5-coder:7b\", \"prompt\": \"hi\", \"stream\": false, \"options\": {\"num_ctx\": 2048}}"));
		assertThat(Duration.ofNanos(cold.path("load_duration").asLong())).isGreaterThanOrEqualTo(LOAD_TIME);
		assertThat(cold.path("total_duration").asLong()).isGreaterThan(cold.path("load_duration").asLong());
		JsonNode model = loaded(QWEN);
		assertThat(model.path("context_length").asInt()).isEqualTo(2048);
		// about 0.72 bytes per parameter once loaded: a 7B model takes about 5 GB
		assertThat(model.path("size_vram").asLong()).isEqualTo(5_040_000_000L);
		JsonNode warm = json(ollama.post("/api/generate",
				"{\"model\": \"qwen2.5-coder:7b\", \"prompt\": \"hi\", \"stream\": false}"));
		assertThat(warm.path("load_duration").asLong()).isPositive().isLessThan(cold.path("load_duration").asLong());
	}

	@Test
	void keepAliveZeroOnAnEmptyRequestUnloadsAtOnce() {
		ollama.post("/api/generate", "{\"model\": \"llama3.2:3b\"}");
		assertThat(loaded(LLAMA)).isNotNull();
		JsonNode reply = json(ollama.post("/api/generate", "{\"model\": \"llama3.2:3b\", \"keep_alive\": 0}"));
		assertThat(reply.path("done_reason").asString()).isEqualTo("unload");
		assertThat(loaded(LLAMA)).isNull();
	}

	@Test
	void psListsAModelWhileItIsStillLoadingAsOllamaDoes() {
		try (BackendSimulator loading = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withOllamaModels(List.of(LLAMA))
			.withOllamaLoadTime(Duration.ofHours(1)))) {
			SimulatorClient client = new SimulatorClient(loading.ollamaBaseUrl());
			CompletableFuture<HttpResponse<String>> warmUp = client.postAsync("/api/generate",
					"{\"model\": \"llama3.2:3b\"}", Duration.ofHours(2));
			await().atMost(Duration.ofSeconds(10)).until(() -> json(client.get("/api/ps")).path("models").size() == 1);
			assertThat(warmUp).isNotDone();
		}
	}

	@Test
	void negativeKeepAliveKeepsTheModelForever() {
		ollama.post("/api/chat", "{\"model\": \"llama3.2:3b\", \"messages\": [], \"keep_alive\": -1}");
		assertThat(loaded(LLAMA).path("expires_at").asString()).startsWith("2318-");
	}

}
