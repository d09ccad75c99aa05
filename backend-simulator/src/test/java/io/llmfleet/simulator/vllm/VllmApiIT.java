package io.llmfleet.simulator.vllm;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorClient;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.fault.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.llmfleet.simulator.SimulatorClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VllmApiIT {

	private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

	private static final String SLOW_MODEL = "slow/model";

	private static final String CHAT = """
			{"model": "%s", "messages": [{"role": "system", "content": "Be brief."},
			 {"role": "user", "content": "Why is the sky blue?"}]%s}""";

	private static BackendSimulator simulator;

	private static SimulatorClient vllm;

	@BeforeAll
	static void start() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withLatency(LatencyModel.instant())
			.withVllmModels(List.of(MODEL, SLOW_MODEL))
			.withDefaultMaxTokens(10)
			.withMaxModelLen(100));
		vllm = new SimulatorClient(simulator.vllmBaseUrl());
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void chatCompletionAnswersWithOneChoiceAndUsage() {
		HttpResponse<String> response = vllm.post("/v1/chat/completions", CHAT.formatted(MODEL, ""));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode reply = json(response);
		assertThat(reply.path("id").asString()).startsWith("chatcmpl-");
		assertThat(reply.path("object").asString()).isEqualTo("chat.completion");
		assertThat(reply.path("created").isIntegralNumber()).isTrue();
		assertThat(reply.path("model").asString()).isEqualTo(MODEL);
		JsonNode choice = reply.path("choices").get(0);
		assertThat(choice.path("index").asInt()).isZero();
		assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
		assertThat(choice.path("message").path("content").asString()).startsWith("Simulated answer to");
		assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = reply.path("usage");
		assertThat(usage.path("prompt_tokens").asInt()).isEqualTo((4 + 4) + (6 + 4));
		assertThat(usage.path("completion_tokens").asInt()).isEqualTo(10);
		assertThat(usage.path("total_tokens").asInt()).isEqualTo(28);
	}

	@Test
	void maxTokensCutsTheAnswerWithLengthReason() {
		JsonNode reply = json(vllm.post("/v1/chat/completions", CHAT.formatted(MODEL, ", \"max_tokens\": 4")));
		assertThat(reply.path("choices").get(0).path("finish_reason").asString()).isEqualTo("length");
		assertThat(reply.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
	}

	@Test
	void streamSendsRoleThenContentThenFinishThenUsageThenDone() {
		String body = CHAT.formatted(MODEL,
				", \"stream\": true, \"stream_options\": {\"include_usage\": true}, " + "\"seed\": 5");
		List<String> events = vllm.postForLines("/v1/chat/completions", body);
		assertThat(events).allSatisfy((event) -> assertThat(event).startsWith("data: "));
		assertThat(events.get(events.size() - 1)).isEqualTo("data: [DONE]");
		List<JsonNode> chunks = events.subList(0, events.size() - 1)
			.stream()
			.map((event) -> json(event.substring("data: ".length())))
			.toList();
		assertThat(chunks).allSatisfy((chunk) -> {
			assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.path("id").asString()).isEqualTo(chunks.get(0).path("id").asString());
		});
		assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
		StringBuilder text = new StringBuilder();
		chunks.subList(1, chunks.size() - 2)
			.forEach((chunk) -> text.append(chunk.path("choices").get(0).path("delta").path("content").asString()));
		JsonNode finish = chunks.get(chunks.size() - 2).path("choices").get(0);
		assertThat(finish.path("finish_reason").asString()).isEqualTo("stop");
		JsonNode usageChunk = chunks.get(chunks.size() - 1);
		assertThat(usageChunk.path("choices")).isEmpty();
		assertThat(usageChunk.path("usage").path("completion_tokens").asInt()).isEqualTo(10);
		assertThat(usageChunk.path("usage").path("prompt_tokens").asInt()).isEqualTo(18);
		String whole = json(vllm.post("/v1/chat/completions", CHAT.formatted(MODEL, ", \"seed\": 5"))).path("choices")
			.get(0)
			.path("message")
			.path("content")
			.asString();
		assertThat(text.toString()).isEqualTo(whole);
	}

	@Test
	void streamWithoutIncludeUsageHasNoUsageChunk() {
		List<String> events = vllm.postForLines("/v1/chat/completions", CHAT.formatted(MODEL, ", \"stream\": true"));
		assertThat(events).noneMatch((event) -> event.contains("\"usage\""));
		assertThat(events.get(events.size() - 2)).contains("\"finish_reason\":\"stop\"");
	}

	@Test
	void requestOverTheContextWindowIsABadRequestInVllmsWords() {
		HttpResponse<String> response = vllm.post("/v1/chat/completions",
				CHAT.formatted(MODEL, ", \"max_tokens\": 90"));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = json(response);
		assertThat(error.path("object").asString()).isEqualTo("error");
		assertThat(error.path("type").asString()).isEqualTo("BadRequestError");
		assertThat(error.path("code").asInt()).isEqualTo(400);
		assertThat(error.path("message").asString())
			.isEqualTo("This model's maximum context length is 100 tokens. However, you requested 108 tokens "
					+ "(18 in the messages, 90 in the completion). "
					+ "Please reduce the length of the messages or completion.");
	}

	@Test
	void unknownModelIsNotFoundInVllmsWords() {
		HttpResponse<String> response = vllm.post("/v1/chat/completions", CHAT.formatted("gpt-4o", ""));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body())
			.isEqualTo("{\"object\":\"error\",\"message\":\"The model `gpt-4o` does not exist.\","
					+ "\"type\":\"NotFoundError\",\"param\":null,\"code\":404}");
	}

	@Test
	void modelsListsServedModelsWithTheirContextWindow() {
		JsonNode list = json(vllm.get("/v1/models"));
		assertThat(list.path("object").asString()).isEqualTo("list");
		JsonNode first = list.path("data").get(0);
		assertThat(first.path("id").asString()).isEqualTo(MODEL);
		assertThat(first.path("object").asString()).isEqualTo("model");
		assertThat(first.path("owned_by").asString()).isEqualTo("vllm");
		assertThat(first.path("max_model_len").asInt()).isEqualTo(100);
		JsonNode permission = first.path("permission").get(0);
		assertThat(permission.path("object").asString()).isEqualTo("model_permission");
		assertThat(permission.path("id").asString()).startsWith("modelperm-");
		assertThat(permission.path("allow_sampling").asBoolean()).isTrue();
		assertThat(list.path("data")).hasSize(2);
	}

	@Test
	void samplingParametersOutOfRangeAreBadRequestsInVllmsWords() {
		HttpResponse<String> temperature = vllm.post("/v1/chat/completions",
				CHAT.formatted(MODEL, ", \"temperature\": -1"));
		assertThat(temperature.statusCode()).isEqualTo(400);
		assertThat(json(temperature).path("message").asString())
			.isEqualTo("temperature must be non-negative, got -1.0.");
		HttpResponse<String> topP = vllm.post("/v1/chat/completions", CHAT.formatted(MODEL, ", \"top_p\": 1.5"));
		assertThat(json(topP).path("message").asString()).isEqualTo("top_p must be in (0, 1], got 1.5.");
		assertThat(json(topP).path("type").asString()).isEqualTo("BadRequestError");
		JsonNode maxTokens = json(vllm.post("/v1/chat/completions", CHAT.formatted(MODEL, ", \"max_tokens\": 0")));
		assertThat(maxTokens.path("message").asString()).isEqualTo("max_tokens must be at least 1, got 0.");
	}

	@Test
	void streamOptionsWithoutStreamingAreABadRequest() {
		HttpResponse<String> response = vllm.post("/v1/chat/completions",
				CHAT.formatted(MODEL, ", \"stream_options\": {\"include_usage\": true}"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("message").asString())
			.isEqualTo("Stream options can only be defined when `stream=True`.");
	}

	@Test
	void streamOptionsIncludeUsageByDefault() {
		List<String> events = vllm.postForLines("/v1/chat/completions",
				CHAT.formatted(MODEL, ", \"stream\": true, \"stream_options\": {}"));
		assertThat(events.get(events.size() - 2)).contains("\"usage\"", "\"choices\":[]");
	}

	@Test
	void requestWithoutMaxTokensOverTheWindowNamesOnlyTheMessages() {
		String longPrompt = "word ".repeat(120);
		HttpResponse<String> response = vllm.post("/v1/chat/completions", """
				{"model": "%s", "messages": [{"role": "user", "content": "%s"}]}""".formatted(MODEL, longPrompt));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response).path("message").asString())
			.matches("This model's maximum context length is 100 tokens\\. However, you requested \\d+ tokens "
					+ "in the messages, Please reduce the length of the messages\\.");
	}

	@Test
	void healthIsOk() {
		assertThat(vllm.get("/health").statusCode()).isEqualTo(200);
	}

	@Test
	void unknownPathGetsFastApisNotFound() {
		HttpResponse<String> response = vllm.get("/v1/chat/completions/nope");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response).path("detail").asString()).isEqualTo("Not Found");
	}

	@Test
	void metricsUseVllmNamesAndCountTokens() {
		vllm.post("/v1/chat/completions", CHAT.formatted(MODEL, ""));
		HttpResponse<String> response = vllm.get("/metrics");
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain; version=0.0.4"));
		String metrics = response.body();
		String label = "{model_name=\"" + MODEL + "\",engine=\"0\"}";
		assertThat(metrics).contains("# TYPE vllm:num_requests_running gauge", "vllm:num_requests_running" + label,
				"vllm:num_requests_waiting" + label, "vllm:gpu_cache_usage_perc" + label,
				"vllm:kv_cache_usage_perc" + label, "# TYPE vllm:prompt_tokens_total counter");
		assertThat(sample(metrics, "vllm:prompt_tokens_total" + label)).isGreaterThanOrEqualTo(18);
		assertThat(sample(metrics, "vllm:generation_tokens_total" + label)).isGreaterThanOrEqualTo(10);
	}

	@Test
	void metricsCountRequestsInFlight() throws Exception {
		// hanging requests hold their sequence slot until released: in flight for as long
		// as the test needs, whatever the machine's speed
		simulator.vllmFaults().set(Fault.hang().forModel(SLOW_MODEL));
		try {
			String label = "{model_name=\"" + SLOW_MODEL + "\",engine=\"0\"}";
			List<CompletableFuture<HttpResponse<String>>> inFlight = List.of(
					vllm.postAsync("/v1/chat/completions", CHAT.formatted(SLOW_MODEL, ""), Duration.ofSeconds(30)),
					vllm.postAsync("/v1/chat/completions", CHAT.formatted(SLOW_MODEL, ""), Duration.ofSeconds(30)));
			await().atMost(Duration.ofSeconds(10)).until(() -> simulator.vllmFaults().hanging() == 2);
			String metrics = vllm.get("/metrics").body();
			assertThat(sample(metrics, "vllm:num_requests_running" + label)).isEqualTo(2);
			assertThat(sample(metrics, "vllm:kv_cache_usage_perc" + label)).isPositive();
			simulator.vllmFaults().clear();
			inFlight.forEach((request) -> assertThat(request).failsWithin(Duration.ofSeconds(10)));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> sample(vllm.get("/metrics").body(), "vllm:num_requests_running" + label) == 0);
		}
		finally {
			simulator.vllmFaults().clear();
		}
	}

	private static double sample(String metrics, String series) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
		assertThat(matcher.find()).as("series %s in%n%s", series, metrics).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
