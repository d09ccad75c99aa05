package io.llmfleet.simulator.vllm;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
import io.llmfleet.simulator.http.Reply;
import io.llmfleet.simulator.http.Route;
import io.llmfleet.simulator.http.StreamWriter;

/**
 * Serves {@code POST /v1/chat/completions}: checks the model and the context window as
 * vLLM does, applies an injected fault if one fires, waits for a sequence slot, then
 * answers with one {@code chat.completion} object or a stream of
 * {@code chat.completion.chunk} server-sent events ending in {@code data: [DONE]}. The
 * clock starts when the request is scheduled, so time spent waiting for a slot adds to
 * the time to first token, as on a saturated vLLM. A hanging request holds its slot, so
 * it shows in {@code vllm:num_requests_running}.
 */
final class ChatCompletionsRoute implements Route {

	private final ServedModels models;

	private final TextGenerator generator;

	private final LatencyModel latency;

	private final VllmMetrics metrics;

	private final SimulatorFaults faults;

	ChatCompletionsRoute(ServedModels models, TextGenerator generator, LatencyModel latency, VllmMetrics metrics,
			SimulatorFaults faults) {
		this.models = models;
		this.generator = generator;
		this.latency = latency;
		this.metrics = metrics;
		this.faults = faults;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException, InterruptedException {
		VllmRequest request = VllmRequest.from(Exchanges.readObject(exchange, VllmApi.MAPPER));
		String model = this.models.require(request.model());
		int promptTokens = Tokens.countChat(request.messages());
		int maxTokens = this.models.checkContext(promptTokens, request.maxTokens());
		Completion completion = this.generator.generate(request.generation(maxTokens));
		Fault fault = this.faults.next(model);
		if (fault != null && refusedBeforeScheduling(fault, request)) {
			throw VllmFaultReplies.refusal(fault);
		}
		try (VllmMetrics.Running running = this.metrics.admit(model, promptTokens, completion.tokenCount())) {
			if (fault != null && fault.kind() == FaultKind.HANG) {
				this.faults.hang(fault);
				throw AbortConnection.because("hang released");
			}
			Duration coldStart = this.faults.extraLoadTime(model);
			if (!coldStart.isZero()) {
				TimeUnit.NANOSECONDS.sleep(coldStart.toNanos());
			}
			ResponseClock clock = ResponseClock.start(this.latency);
			Answer answer = new Answer(newId(), System.currentTimeMillis() / 1000, model, promptTokens, completion);
			if (request.stream()) {
				stream(exchange, answer, clock, running, request.includeUsage(), fault);
				return;
			}
			clock.awaitAll(completion.tokenCount());
			running.generated(completion.tokenCount());
			byte[] body = VllmApi.MAPPER.writeValueAsBytes(answer.whole());
			Reply whole = new Reply(200, Reply.JSON, body);
			if (fault != null && fault.kind() == FaultKind.DISCONNECT) {
				throw Exchanges.sendHalfThenAbort(exchange, whole);
			}
			Exchanges.send(exchange, whole);
			running.finished(completion.finishReason());
		}
	}

	// everything but a hang, a disconnect and an error after some streamed chunks
	private static boolean refusedBeforeScheduling(Fault fault, VllmRequest request) {
		return switch (fault.kind()) {
			case HANG, DISCONNECT -> false;
			case ERROR, OUT_OF_MEMORY -> !request.stream() || fault.afterChunks() == 0;
			default -> true;
		};
	}

	private static void stream(HttpExchange exchange, Answer answer, ResponseClock clock, VllmMetrics.Running running,
			boolean includeUsage, Fault fault) throws IOException, InterruptedException {
		// not try-with-resources: closing writes the terminating chunk, which a dropped
		// connection must not
		StreamWriter out = Exchanges.startStream(exchange, "text/event-stream; charset=utf-8");
		List<String> tokens = answer.completion().tokens();
		int strikeAt = (fault != null) ? Math.min(fault.afterChunks(), tokens.size()) : -1;
		// vLLM sends the role once prefill is done, so the first event marks the first
		// token
		clock.awaitToken(0);
		out.write(event(answer.chunk(new VllmApi.Delta("assistant", ""), null)));
		for (int i = 0; i < tokens.size(); i++) {
			if (i == strikeAt) {
				strike(out, fault);
				return;
			}
			clock.awaitToken(i);
			out.write(event(answer.chunk(new VllmApi.Delta(null, tokens.get(i)), null)));
			running.generated(1);
		}
		if (strikeAt == tokens.size()) {
			strike(out, fault);
			return;
		}
		out.write(event(answer.chunk(new VllmApi.Delta(null, null), answer.completion().finishReason().wireName())));
		if (includeUsage) {
			out.write(event(answer.usageChunk()));
		}
		out.write("data: [DONE]\n\n");
		out.close();
		running.finished(answer.completion().finishReason());
	}

	private static void strike(StreamWriter out, Fault fault) throws IOException {
		if (fault.kind() == FaultKind.DISCONNECT) {
			throw AbortConnection.because("disconnect after " + fault.afterChunks() + " chunks");
		}
		out.write(event(VllmFaultReplies.streamError(fault)));
		out.write("data: [DONE]\n\n");
		out.close();
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
	private record Answer(String id, long created, String model, int promptTokens, Completion completion) {

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
