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
import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.simulator.fault.FaultKind;
import io.llmfleet.simulator.fault.SimulatorFaults;
import io.llmfleet.simulator.http.AbortConnection;
import io.llmfleet.simulator.http.Exchanges;
import io.llmfleet.simulator.http.HttpError;
import io.llmfleet.simulator.http.Reply;
import io.llmfleet.simulator.http.Route;
import io.llmfleet.simulator.http.StreamWriter;
import tools.jackson.databind.JsonNode;

/**
 * Serves {@code POST /api/chat} and {@code POST /api/generate}: applies an injected fault
 * if one fires, loads the model (waiting for its load time), generates the answer and
 * paces it by the latency model, either as an NDJSON stream (one object per token, then a
 * final object with {@code done: true} and the statistics) or as one object. A request
 * without messages or prompt only loads (or with {@code keep_alive: 0} unloads) the
 * model. Durations are measured, in nanoseconds, as Ollama reports them:
 * {@code total_duration} includes {@code load_duration}.
 */
final class InferenceRoute implements Route {

	private static final String NDJSON = "application/x-ndjson";

	private final OllamaModels models;

	private final TextGenerator generator;

	private final LatencyModel latency;

	private final SimulatorFaults faults;

	private final Function<JsonNode, OllamaRequest> parser;

	private final ReplyShape shape;

	InferenceRoute(OllamaModels models, TextGenerator generator, LatencyModel latency, SimulatorFaults faults,
			Function<JsonNode, OllamaRequest> parser, ReplyShape shape) {
		this.models = models;
		this.generator = generator;
		this.latency = latency;
		this.faults = faults;
		this.parser = parser;
		this.shape = shape;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException, InterruptedException {
		long arrived = System.nanoTime();
		OllamaRequest request = this.parser.apply(Exchanges.readObject(exchange, OllamaApi.MAPPER));
		ModelCard card = this.models.require(request.model());
		Fault fault = this.faults.next(card.name());
		if (fault != null && !strikesLater(fault, request)) {
			failNow(fault, card);
		}
		if (request.loadOnly()) {
			loadOnly(exchange, request, card);
			return;
		}
		Duration load = this.models.acquire(card, request.options().numCtx(),
				() -> this.faults.extraLoadTime(card.name()));
		try {
			Completion completion = this.generator.generate(request.generation());
			int promptTokens = request.options().evaluated(Tokens.countChat(request.messages()));
			Answer answer = new Answer(request.model(), card, completion, promptTokens, arrived, load,
					ResponseClock.start(this.latency));
			if (request.stream()) {
				stream(exchange, answer, fault);
			}
			else {
				whole(exchange, answer, fault);
			}
		}
		finally {
			// Ollama starts the keep-alive countdown when a request ends
			this.models.release(card, request.keepAlive());
		}
	}

	// faults that let the answer start: a disconnect, or an error after some chunks
	private static boolean strikesLater(Fault fault, OllamaRequest request) {
		if (request.loadOnly()) {
			return false;
		}
		return switch (fault.kind()) {
			case DISCONNECT -> true;
			case ERROR, OUT_OF_MEMORY -> request.stream() && fault.afterChunks() > 0;
			default -> false;
		};
	}

	private void failNow(Fault fault, ModelCard card) throws InterruptedException {
		switch (fault.kind()) {
			case HANG -> {
				this.faults.hang(fault);
				throw AbortConnection.because("hang released");
			}
			case DISCONNECT -> throw AbortConnection.because("disconnect fault");
			case OUT_OF_MEMORY -> {
				this.models.unload(card);
				throw HttpError.of(OllamaFaultReplies.status(fault), OllamaFaultReplies.message(fault, card));
			}
			default -> throw HttpError.of(OllamaFaultReplies.status(fault), OllamaFaultReplies.message(fault, card));
		}
	}

	private void loadOnly(HttpExchange exchange, OllamaRequest request, ModelCard card)
			throws IOException, InterruptedException {
		boolean unload = request.keepAlive().unloadsNow();
		if (unload) {
			this.models.unload(card);
		}
		else {
			this.models.acquire(card, request.options().numCtx(), () -> this.faults.extraLoadTime(card.name()));
			this.models.release(card, request.keepAlive());
		}
		Object reply = this.shape.chunk(request.model(), "", OllamaApi.Stats.reasonOnly(unload ? "unload" : "load"));
		Exchanges.sendJson(exchange, 200, OllamaApi.MAPPER, reply);
	}

	private void stream(HttpExchange exchange, Answer answer, Fault fault) throws IOException, InterruptedException {
		// not try-with-resources: closing writes the terminating chunk, which a dropped
		// connection must not
		StreamWriter out = Exchanges.startStream(exchange, NDJSON);
		List<String> tokens = answer.completion().tokens();
		int strikeAt = (fault != null) ? Math.min(fault.afterChunks(), tokens.size()) : -1;
		for (int i = 0; i < tokens.size(); i++) {
			if (i == strikeAt) {
				strike(out, fault, answer.card());
				return;
			}
			answer.clock().awaitToken(i);
			out.write(line(this.shape.chunk(answer.model(), tokens.get(i), null)));
		}
		if (tokens.isEmpty()) {
			answer.clock().awaitToken(0);
		}
		if (strikeAt == tokens.size()) {
			strike(out, fault, answer.card());
			return;
		}
		out.write(line(this.shape.chunk(answer.model(), "", answer.stats())));
		out.close();
	}

	// Ollama reports an error after the stream started as one more line, status 200
	private void strike(StreamWriter out, Fault fault, ModelCard card) throws IOException {
		if (fault.kind() == FaultKind.DISCONNECT) {
			throw AbortConnection.because("disconnect after " + fault.afterChunks() + " chunks");
		}
		if (fault.kind() == FaultKind.OUT_OF_MEMORY) {
			this.models.unload(card);
		}
		out.write(line(new OllamaApi.Error(OllamaFaultReplies.message(fault, card))));
		out.close();
	}

	private void whole(HttpExchange exchange, Answer answer, Fault fault) throws IOException, InterruptedException {
		answer.clock().awaitAll(answer.completion().tokenCount());
		Object chunk = this.shape.chunk(answer.model(), answer.completion().text(), answer.stats());
		Reply reply = new Reply(200, Reply.JSON, OllamaApi.MAPPER.writeValueAsBytes(chunk));
		if (fault != null && fault.kind() == FaultKind.DISCONNECT) {
			throw Exchanges.sendHalfThenAbort(exchange, reply);
		}
		Exchanges.send(exchange, reply);
	}

	private static byte[] line(Object chunk) {
		byte[] json = OllamaApi.MAPPER.writeValueAsBytes(chunk);
		byte[] line = new byte[json.length + 1];
		System.arraycopy(json, 0, line, 0, json.length);
		line[json.length] = '\n';
		return line;
	}

	/** One answer being sent, with what its final statistics are computed from. */
	private record Answer(String model, ModelCard card, Completion completion, int promptTokens, long arrivedNanos,
			Duration load, ResponseClock clock) {

		OllamaApi.Stats stats() {
			long total = Math.max(1, System.nanoTime() - this.arrivedNanos);
			return new OllamaApi.Stats(this.completion.finishReason().wireName(), total, this.load.toNanos(),
					this.promptTokens, this.clock.timeToFirstToken().toNanos(), this.completion.tokenCount(),
					this.clock.sinceFirstToken().toNanos());
		}

	}

}
