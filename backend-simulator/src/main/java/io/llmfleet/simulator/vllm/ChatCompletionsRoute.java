package io.llmfleet.simulator.vllm;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpExchange;
import io.llmfleet.simulator.Completion;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.ResponseClock;
import io.llmfleet.simulator.TextGenerator;
import io.llmfleet.simulator.Tokens;
import io.llmfleet.simulator.http.Exchanges;
import io.llmfleet.simulator.http.Route;
import io.llmfleet.simulator.http.StreamWriter;

/**
 * Serves {@code POST /v1/chat/completions}: checks the model and the context window as
 * vLLM does, waits for a sequence slot, then answers with one {@code chat.completion}
 * object or a stream of {@code chat.completion.chunk} server-sent events ending in
 * {@code data: [DONE]}. The clock starts when the request is scheduled, so time spent
 * waiting for a slot adds to the time to first token, as on a saturated vLLM.
 */
final class ChatCompletionsRoute implements Route {

	private final ServedModels models;

	private final TextGenerator generator;

	private final LatencyModel latency;

	private final VllmMetrics metrics;

	ChatCompletionsRoute(ServedModels models, TextGenerator generator, LatencyModel latency, VllmMetrics metrics) {
		this.models = models;
		this.generator = generator;
		this.latency = latency;
		this.metrics = metrics;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException, InterruptedException {
		VllmRequest request = VllmRequest.from(Exchanges.readObject(exchange, VllmApi.MAPPER));
		String model = this.models.require(request.model());
		int promptTokens = Tokens.countChat(request.messages());
		int maxTokens = this.models.checkContext(promptTokens, request.maxTokens());
		Completion completion = this.generator.generate(request.generation(maxTokens));
		try (VllmMetrics.Running running = this.metrics.admit(model, promptTokens, completion.tokenCount())) {
			ResponseClock clock = ResponseClock.start(this.latency);
			Reply reply = new Reply(newId(), System.currentTimeMillis() / 1000, model, promptTokens, completion);
			if (request.stream()) {
				stream(exchange, reply, clock, running, request.includeUsage());
			}
			else {
				clock.awaitAll(completion.tokenCount());
				running.generated(completion.tokenCount());
				Exchanges.sendJson(exchange, 200, VllmApi.MAPPER, reply.whole());
			}
			running.finished(completion.finishReason());
		}
	}

	private static void stream(HttpExchange exchange, Reply reply, ResponseClock clock, VllmMetrics.Running running,
			boolean includeUsage) throws IOException, InterruptedException {
		try (StreamWriter out = Exchanges.startStream(exchange, "text/event-stream; charset=utf-8")) {
			List<String> tokens = reply.completion().tokens();
			// vLLM sends the role once prefill is done, so the first event marks the
			// first token
			clock.awaitToken(0);
			out.write(event(reply.chunk(new VllmApi.Delta("assistant", ""), null)));
			for (int i = 0; i < tokens.size(); i++) {
				clock.awaitToken(i);
				out.write(event(reply.chunk(new VllmApi.Delta(null, tokens.get(i)), null)));
				running.generated(1);
			}
			out.write(event(reply.chunk(new VllmApi.Delta(null, null), reply.completion().finishReason().wireName())));
			if (includeUsage) {
				out.write(event(reply.usageChunk()));
			}
			out.write("data: [DONE]\n\n");
		}
	}

	private static String event(Object chunk) {
		return "data: " + VllmApi.MAPPER.writeValueAsString(chunk) + "\n\n";
	}

	private static String newId() {
		byte[] random = new byte[16];
		ThreadLocalRandom.current().nextBytes(random);
		return "chatcmpl-" + HexFormat.of().formatHex(random);
	}

	/** Everything the reply objects of one request share. */
	private record Reply(String id, long created, String model, int promptTokens, Completion completion) {

		VllmApi.ChatCompletion whole() {
			VllmApi.Choice choice = new VllmApi.Choice(0, new VllmApi.Message("assistant", this.completion.text()),
					null, this.completion.finishReason().wireName(), null);
			return new VllmApi.ChatCompletion(this.id, "chat.completion", this.created, this.model, List.of(choice),
					usage());
		}

		VllmApi.Chunk chunk(VllmApi.Delta delta, String finishReason) {
			return new VllmApi.Chunk(this.id, "chat.completion.chunk", this.created, this.model,
					List.of(new VllmApi.ChunkChoice(0, delta, null, finishReason)), null);
		}

		VllmApi.Chunk usageChunk() {
			return new VllmApi.Chunk(this.id, "chat.completion.chunk", this.created, this.model, List.of(), usage());
		}

		private VllmApi.Usage usage() {
			return VllmApi.Usage.of(this.promptTokens, this.completion.tokenCount());
		}

	}

}
