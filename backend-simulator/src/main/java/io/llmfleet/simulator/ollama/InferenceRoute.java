package io.llmfleet.simulator.ollama;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import io.llmfleet.simulator.Completion;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.ResponseClock;
import io.llmfleet.simulator.TextGenerator;
import io.llmfleet.simulator.Tokens;
import io.llmfleet.simulator.http.Exchanges;
import io.llmfleet.simulator.http.Route;
import io.llmfleet.simulator.http.StreamWriter;
import tools.jackson.databind.JsonNode;

/**
 * Serves {@code POST /api/chat} and {@code POST /api/generate}: loads the model,
 * generates the answer and paces it by the latency model, either as an NDJSON stream (one
 * object per token, then a final object with {@code done: true} and the statistics) or as
 * one object. Durations are measured, in nanoseconds, as Ollama reports them.
 */
final class InferenceRoute implements Route {

	private static final String NDJSON = "application/x-ndjson";

	private final OllamaModels models;

	private final TextGenerator generator;

	private final LatencyModel latency;

	private final Function<JsonNode, OllamaRequest> parser;

	private final ReplyShape shape;

	InferenceRoute(OllamaModels models, TextGenerator generator, LatencyModel latency,
			Function<JsonNode, OllamaRequest> parser, ReplyShape shape) {
		this.models = models;
		this.generator = generator;
		this.latency = latency;
		this.parser = parser;
		this.shape = shape;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException, InterruptedException {
		ResponseClock clock = ResponseClock.start(this.latency);
		OllamaRequest request = this.parser.apply(Exchanges.readObject(exchange, OllamaApi.MAPPER));
		ModelCard card = this.models.require(request.model());
		if (request.loadOnly()) {
			boolean unload = request.keepAlive().unloadsNow();
			this.models.keepLoaded(card, request.keepAlive());
			Object reply = this.shape.chunk(request.model(), "",
					OllamaApi.Stats.reasonOnly(unload ? "unload" : "load"));
			Exchanges.sendJson(exchange, 200, OllamaApi.MAPPER, reply);
			return;
		}
		long loadStart = System.nanoTime();
		this.models.keepLoaded(card, KeepAlive.DEFAULT);
		Duration load = Duration.ofNanos(Math.max(1, System.nanoTime() - loadStart));
		int promptTokens = request.options().evaluated(Tokens.countChat(request.messages()));
		Completion completion = this.generator.generate(request.generation());
		try {
			if (request.stream()) {
				stream(exchange, request.model(), completion, clock, promptTokens, load);
			}
			else {
				clock.awaitAll(completion.tokenCount());
				OllamaApi.Stats stats = stats(completion, clock, promptTokens, load);
				Exchanges.sendJson(exchange, 200, OllamaApi.MAPPER,
						this.shape.chunk(request.model(), completion.text(), stats));
			}
		}
		finally {
			// Ollama starts the keep-alive countdown when a request ends
			this.models.keepLoaded(card, request.keepAlive());
		}
	}

	private void stream(HttpExchange exchange, String model, Completion completion, ResponseClock clock,
			int promptTokens, Duration load) throws IOException, InterruptedException {
		try (StreamWriter out = Exchanges.startStream(exchange, NDJSON)) {
			List<String> tokens = completion.tokens();
			for (int i = 0; i < tokens.size(); i++) {
				clock.awaitToken(i);
				out.write(line(this.shape.chunk(model, tokens.get(i), null)));
			}
			if (tokens.isEmpty()) {
				clock.awaitToken(0);
			}
			out.write(line(this.shape.chunk(model, "", stats(completion, clock, promptTokens, load))));
		}
	}

	private static OllamaApi.Stats stats(Completion completion, ResponseClock clock, int promptTokens, Duration load) {
		return new OllamaApi.Stats(completion.finishReason().wireName(), clock.elapsed().toNanos(), load.toNanos(),
				promptTokens, clock.timeToFirstToken().toNanos(), completion.tokenCount(),
				clock.sinceFirstToken().toNanos());
	}

	private static byte[] line(Object chunk) {
		byte[] json = OllamaApi.MAPPER.writeValueAsBytes(chunk);
		byte[] line = new byte[json.length + 1];
		System.arraycopy(json, 0, line, 0, json.length);
		line[json.length] = '\n';
		return line;
	}

}
