package io.llmfleet.simulator.ollama;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.RawHttp;
import io.llmfleet.simulator.SimulatorClient;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.fault.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.llmfleet.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Injected faults as the simulated Ollama answers them, over real HTTP.
 */
class OllamaFaultsIT {

	private static final String LLAMA = "llama3.2:3b";

	private static final String MISTRAL = "mistral";

	private static final String CHAT = """
			{"model": "%s", "messages": [{"role": "user", "content": "Why is the sky blue?"}]%s}""";

	private static BackendSimulator simulator;

	private static SimulatorClient ollama;

	@BeforeAll
	static void start() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withOllamaModels(List.of(LLAMA, MISTRAL))
			.withModelVram(MISTRAL, 8L * 1024 * 1024 * 1024)
			.withDefaultMaxTokens(8));
		ollama = new SimulatorClient(simulator.ollamaBaseUrl());
	}

	@AfterEach
	void clearFaults() {
		simulator.ollamaFaults().clear();
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	private static String chat(String model, String extra) {
		return CHAT.formatted(model, extra);
	}

	private static HttpResponse<String> chatOnce(String model) {
		return ollama.post("/api/chat", chat(model, ", \"stream\": false"));
	}

	@Test
	void errorFaultAnswersInternalErrorWithTheRunnersMessage() {
		simulator.ollamaFaults().set(Fault.error(500));
		HttpResponse<String> response = chatOnce(LLAMA);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("{\"error\":\"llama runner process has terminated: exit status 2\"}");
	}

	@Test
	void overloadedAnswers503WithOllamasQueueFullMessage() {
		simulator.ollamaFaults().set(Fault.overloaded());
		HttpResponse<String> response = chatOnce(LLAMA);
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body())
			.isEqualTo("{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}");
		simulator.ollamaFaults().set(Fault.error(503));
		assertThat(json(chatOnce(LLAMA)).path("error").asString()).startsWith("server busy");
	}

	@Test
	void outOfMemoryAnswers500InOllamasWordsAndLeavesTheModelUnloaded() {
		simulator.ollamaFaults().set(Fault.outOfMemory().forModel(MISTRAL));
		HttpResponse<String> response = chatOnce(MISTRAL);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(json(response).path("error").asString())
			.isEqualTo("model requires more system memory (8.0 GiB) than is available (4.0 GiB)");
		assertThat(json(ollama.get("/api/ps")).path("models").toString()).doesNotContain("mistral:latest");
		HttpResponse<String> warmUp = ollama.post("/api/generate", "{\"model\": \"mistral\"}");
		assertThat(warmUp.statusCode()).isEqualTo(500);
		assertThat(chatOnce(LLAMA).statusCode()).isEqualTo(200);
	}

	@Test
	void timesFailsTheNextCallsThenRecovers() {
		simulator.ollamaFaults().set(Fault.error(500).withTimes(2));
		assertThat(List.of(chatOnce(LLAMA), chatOnce(LLAMA), chatOnce(LLAMA))).extracting(HttpResponse::statusCode)
			.containsExactly(500, 500, 200);
	}

	@Test
	void halfRateFailsEverySecondCall() {
		simulator.ollamaFaults().set(Fault.error(500).withRate(0.5));
		assertThat(List.of(chatOnce(LLAMA), chatOnce(LLAMA), chatOnce(LLAMA), chatOnce(LLAMA)))
			.extracting(HttpResponse::statusCode)
			.containsExactly(200, 500, 200, 500);
	}

	@Test
	void faultForOneModelMatchesItWithOrWithoutTagAndSparesOthers() {
		simulator.ollamaFaults().set(Fault.overloaded().forModel("mistral:latest"));
		assertThat(chatOnce(LLAMA).statusCode()).isEqualTo(200);
		assertThat(chatOnce(MISTRAL).statusCode()).isEqualTo(503);
	}

	@Test
	void hangAcceptsTheRequestAndNeverAnswersUntilTheClientGivesUp() {
		simulator.ollamaFaults().set(Fault.hang());
		CompletableFuture<HttpResponse<String>> reply = ollama.postAsync("/api/chat", chat(LLAMA, ""),
				Duration.ofMillis(300));
		assertThat(reply).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(HttpTimeoutException.class);
		// the client gave up, the server still holds the request
		await().atMost(Duration.ofSeconds(10)).until(() -> simulator.ollamaFaults().hanging() == 1);
		simulator.ollamaFaults().clear();
		await().atMost(Duration.ofSeconds(10)).until(() -> simulator.ollamaFaults().hanging() == 0);
	}

	@Test
	void clearingFaultsDropsTheConnectionOfAHangingRequest() {
		simulator.ollamaFaults().set(Fault.hang().once());
		CompletableFuture<HttpResponse<String>> reply = ollama.postAsync("/api/chat", chat(LLAMA, ""),
				Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(10)).until(() -> simulator.ollamaFaults().hanging() == 1);
		assertThat(reply).isNotDone();
		simulator.ollamaFaults().clear();
		assertThat(reply).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(IOException.class);
		assertThat(chatOnce(LLAMA).statusCode()).isEqualTo(200);
	}

	@Test
	void disconnectSendsSomeChunksThenDropsTheConnection() {
		simulator.ollamaFaults().set(Fault.disconnectAfter(3));
		RawHttp.Reply reply = RawHttp.post(simulator.ollamaBaseUrl(), "/api/chat", chat(LLAMA, ""));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.complete()).as("stream ended with its terminating chunk").isFalse();
		assertThat(reply.lines()).hasSize(3)
			.allSatisfy((line) -> assertThat(json(line).path("done").asBoolean()).isFalse());
	}

	@Test
	void aClientSeesADisconnectAsAnIoError() {
		simulator.ollamaFaults().set(Fault.disconnectAfter(3));
		SimulatorClient.Streamed streamed = ollama.postForStream("/api/chat", chat(LLAMA, ""));
		assertThat(streamed.lines()).hasSizeLessThanOrEqualTo(3);
		assertThat(streamed.failure()).isInstanceOf(IOException.class);
	}

	@Test
	void disconnectCutsAnUnstreamedBodyShort() {
		simulator.ollamaFaults().set(Fault.disconnectAfter(0));
		RawHttp.Reply raw = RawHttp.post(simulator.ollamaBaseUrl(), "/api/chat", chat(LLAMA, ", \"stream\": false"));
		assertThat(raw.status()).isEqualTo(200);
		assertThat(raw.complete()).isFalse();
		assertThat(raw.body()).startsWith("{\"model\":\"llama3.2:3b\"");
		CompletableFuture<HttpResponse<String>> reply = ollama.postAsync("/api/chat",
				chat(LLAMA, ", \"stream\": false"), Duration.ofSeconds(10));
		assertThat(reply).failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(IOException.class);
	}

	@Test
	void errorAfterChunksEndsTheStreamWithAnErrorLine() {
		simulator.ollamaFaults().set(Fault.error(500).withAfterChunks(2));
		SimulatorClient.Streamed streamed = ollama.postForStream("/api/chat", chat(LLAMA, ""));
		assertThat(streamed.status()).isEqualTo(200);
		assertThat(streamed.failure()).isNull();
		assertThat(streamed.lines()).hasSize(3);
		assertThat(json(streamed.lines().get(1)).path("message").path("content").asString()).isNotEmpty();
		assertThat(streamed.lines().get(2))
			.isEqualTo("{\"error\":\"llama runner process has terminated: exit status 2\"}");
	}

	@Test
	void slowLoadDelaysOnlyTheNextLoad() {
		ollama.post("/api/generate", "{\"model\": \"llama3.2:3b\", \"keep_alive\": 0}");
		simulator.ollamaFaults().set(Fault.slowLoad(Duration.ofMillis(300)).once());
		JsonNode cold = json(chatOnce(LLAMA));
		assertThat(Duration.ofNanos(cold.path("load_duration").asLong()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(cold.path("total_duration").asLong()).isGreaterThan(cold.path("load_duration").asLong());
		JsonNode listed = json(ollama.get("/admin/faults")).path("faults").get(0);
		assertThat(listed.path("fired").asInt()).isEqualTo(1);
		assertThat(listed.path("remaining").asInt()).isZero();
	}

	@Test
	void adminEndpointSetsListsReplacesAndClearsFaults() {
		HttpResponse<String> added = ollama.post("/admin/faults",
				"{\"kind\": \"error\", \"status\": 503, \"model\": \"mistral\", \"times\": 2}");
		assertThat(added.statusCode()).isEqualTo(200);
		JsonNode fault = json(added).path("faults").get(0);
		assertThat(fault.path("kind").asString()).isEqualTo("error");
		assertThat(fault.path("status").asInt()).isEqualTo(503);
		assertThat(fault.path("model").asString()).isEqualTo("mistral");
		assertThat(fault.path("remaining").asInt()).isEqualTo(2);
		assertThat(chatOnce(MISTRAL).statusCode()).isEqualTo(503);
		assertThat(json(ollama.get("/admin/faults")).path("faults").get(0).path("fired").asInt()).isEqualTo(1);

		ollama.post("/admin/faults", "{\"faults\": [{\"kind\": \"overloaded\"}, {\"kind\": \"hang\"}]}");
		assertThat(json(ollama.get("/admin/faults")).path("faults")).hasSize(3);
		assertThat(simulator.ollamaFaults().list()).hasSize(3);

		JsonNode replaced = json(ollama.put("/admin/faults", "{\"kind\": \"out_of_memory\"}"));
		assertThat(replaced.path("faults")).hasSize(1);
		assertThat(chatOnce(LLAMA).statusCode()).isEqualTo(500);

		JsonNode cleared = json(ollama.delete("/admin/faults"));
		assertThat(cleared.path("faults")).isEmpty();
		assertThat(chatOnce(LLAMA).statusCode()).isEqualTo(200);
	}

	@Test
	void badFaultIsABadRequestInOllamasShapeAndChangesNothing() {
		HttpResponse<String> response = ollama.post("/admin/faults",
				"{\"faults\": [{\"kind\": \"hang\"}, {\"kind\": \"flaky\"}]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("error").asString()).startsWith("unknown fault kind \"flaky\"");
		assertThat(simulator.ollamaFaults().list()).isEmpty();
	}

	@Test
	void faultsConfiguredAtStartApplyFromTheFirstCall() {
		try (BackendSimulator faulty = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withOllamaFaults(Fault.overloaded().once()))) {
			SimulatorClient client = new SimulatorClient(faulty.ollamaBaseUrl());
			assertThat(client.post("/api/chat", chat(LLAMA, ", \"stream\": false")).statusCode()).isEqualTo(503);
			assertThat(client.post("/api/chat", chat(LLAMA, ", \"stream\": false")).statusCode()).isEqualTo(200);
		}
	}

}
