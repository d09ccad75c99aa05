package io.llmfleet.simulator.vllm;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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

/**
 * Injected faults as the simulated vLLM answers them, over real HTTP.
 */
class VllmFaultsIT {

	private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

	private static final String OTHER = "Qwen/Qwen2.5-7B-Instruct";

	private static final String CHAT = """
			{"model": "%s", "messages": [{"role": "user", "content": "Why is the sky blue?"}]%s}""";

	private static BackendSimulator simulator;

	private static SimulatorClient vllm;

	@BeforeAll
	static void start() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withVllmModels(List.of(MODEL, OTHER))
			.withDefaultMaxTokens(8));
		vllm = new SimulatorClient(simulator.vllmBaseUrl());
	}

	@AfterEach
	void clearFaults() {
		simulator.vllmFaults().clear();
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	private static HttpResponse<String> chat(String model) {
		return vllm.post("/v1/chat/completions", CHAT.formatted(model, ""));
	}

	private static String streamed(String model) {
		return CHAT.formatted(model, ", \"stream\": true");
	}

	@Test
	void errorFaultAnswersInVllmsErrorFormat() {
		simulator.vllmFaults().set(Fault.error(500));
		HttpResponse<String> response = chat(MODEL);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("{\"object\":\"error\",\"message\":\"Internal server error\","
				+ "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}");
	}

	@Test
	void overloadedAnswers503ServiceUnavailableOr429WhenAsked() {
		simulator.vllmFaults().set(Fault.overloaded());
		HttpResponse<String> unavailable = chat(MODEL);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		JsonNode error = json(unavailable);
		assertThat(error.path("object").asString()).isEqualTo("error");
		assertThat(error.path("type").asString()).isEqualTo("ServiceUnavailableError");
		assertThat(error.path("code").asInt()).isEqualTo(503);
		assertThat(error.path("message").asString()).contains("overloaded");
		simulator.vllmFaults().set(Fault.overloaded().withStatus(429));
		HttpResponse<String> tooMany = chat(MODEL);
		assertThat(tooMany.statusCode()).isEqualTo(429);
		assertThat(json(tooMany).path("type").asString()).isEqualTo("RateLimitError");
	}

	@Test
	void outOfMemoryAnswersTheBare500OfADeadEngine() {
		simulator.vllmFaults().set(Fault.outOfMemory());
		HttpResponse<String> response = chat(MODEL);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEmpty();
	}

	@Test
	void timesAndModelLimitWhichCallsFail() {
		simulator.vllmFaults().set(Fault.error(503).forModel(OTHER).withTimes(1));
		assertThat(List.of(chat(MODEL), chat(OTHER), chat(OTHER))).extracting(HttpResponse::statusCode)
			.containsExactly(200, 503, 200);
	}

	@Test
	void disconnectSendsTheRoleAndSomeContentThenDropsTheConnection() {
		simulator.vllmFaults().set(Fault.disconnectAfter(2));
		RawHttp.Reply reply = RawHttp.post(simulator.vllmBaseUrl(), "/v1/chat/completions", streamed(MODEL));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.complete()).isFalse();
		assertThat(reply.lines()).hasSize(3).noneMatch((line) -> line.contains("[DONE]"));
		assertThat(reply.lines().get(0)).contains("\"role\":\"assistant\"");
		SimulatorClient.Streamed client = vllm.postForStream("/v1/chat/completions", streamed(MODEL));
		assertThat(client.failure()).isInstanceOf(IOException.class);
	}

	@Test
	void disconnectCutsAnUnstreamedCompletionShort() {
		simulator.vllmFaults().set(Fault.disconnectAfter(0));
		RawHttp.Reply reply = RawHttp.post(simulator.vllmBaseUrl(), "/v1/chat/completions", CHAT.formatted(MODEL, ""));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.complete()).isFalse();
		assertThat(reply.body()).startsWith("{\"id\":\"chatcmpl-");
	}

	@Test
	void errorAfterChunksSendsAnErrorEventThenDone() {
		simulator.vllmFaults().set(Fault.error(500).withAfterChunks(1));
		List<String> events = vllm.postForLines("/v1/chat/completions", streamed(MODEL));
		assertThat(events).hasSize(4);
		JsonNode error = json(events.get(2).substring("data: ".length())).path("error");
		assertThat(error.path("message").asString()).isEqualTo("Internal server error");
		assertThat(error.path("type").asString()).isEqualTo("InternalServerError");
		assertThat(error.path("code").asInt()).isEqualTo(500);
		assertThat(events.get(3)).isEqualTo("data: [DONE]");
	}

	@Test
	void hangingRequestCountsAsRunningUntilReleased() {
		// covered with metrics in VllmApiIT.metricsCountRequestsInFlight; here the
		// client's view
		simulator.vllmFaults().set(Fault.hang().withDelay(Duration.ofMillis(50)));
		assertThat(vllm.postAsync("/v1/chat/completions", CHAT.formatted(MODEL, ""), Duration.ofSeconds(30)))
			.failsWithin(Duration.ofSeconds(10))
			.withThrowableOfType(Exception.class)
			.havingCause()
			.isInstanceOf(IOException.class);
	}

	@Test
	void slowLoadDelaysTheFirstTokenOfTheNextCall() {
		simulator.vllmFaults().set(Fault.slowLoad(Duration.ofMillis(300)).once());
		long start = System.nanoTime();
		assertThat(chat(MODEL).statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(simulator.vllmFaults().list().get(0).fired()).isEqualTo(1);
	}

	@Test
	void adminEndpointSetsListsAndClearsFaults() {
		JsonNode added = json(vllm.post("/admin/faults", "{\"kind\": \"overloaded\", \"status\": 429}"));
		assertThat(added.path("faults").get(0).path("kind").asString()).isEqualTo("overloaded");
		assertThat(added.path("faults").get(0).path("remaining").isNull()).isTrue();
		assertThat(chat(MODEL).statusCode()).isEqualTo(429);
		assertThat(json(vllm.get("/admin/faults")).path("faults").get(0).path("fired").asInt()).isEqualTo(1);
		assertThat(json(vllm.delete("/admin/faults")).path("faults")).isEmpty();
		assertThat(chat(MODEL).statusCode()).isEqualTo(200);
	}

	@Test
	void badFaultIsABadRequestInVllmsErrorFormat() {
		HttpResponse<String> response = vllm.post("/admin/faults", "{\"kind\": \"error\", \"rate\": 3}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json(response);
		assertThat(error.path("type").asString()).isEqualTo("BadRequestError");
		assertThat(error.path("message").asString()).isEqualTo("rate must be greater than 0 and at most 1 but was 3.0");
	}

	@Test
	void faultsDoNotTouchModelsHealthOrMetrics() {
		simulator.vllmFaults().set(Fault.error(500));
		assertThat(vllm.get("/v1/models").statusCode()).isEqualTo(200);
		assertThat(vllm.get("/health").statusCode()).isEqualTo(200);
		assertThat(vllm.get("/metrics").statusCode()).isEqualTo(200);
	}

}
