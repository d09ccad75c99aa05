package io.llmfleet.worker.vllm;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.Tokens;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link VllmBackend} against a simulated vLLM over real HTTP.
 */
class VllmBackendIT {

	private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

	private static final Duration TIME_TO_FIRST_TOKEN = Duration.ofMillis(100);

	private static final int ANSWER_TOKENS = 20;

	private static final int MAX_MODEL_LEN = 256;

	static final List<ChatMessage> MESSAGES = List.of(new ChatMessage("system", "Answer briefly."),
			new ChatMessage("user", "Why is the sky blue?"));

	private static BackendSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withVllmModels(List.of(MODEL))
			.withLatency(new LatencyModel(TIME_TO_FIRST_TOKEN, 1000))
			.withDefaultMaxTokens(ANSWER_TOKENS)
			.withMaxModelLen(MAX_MODEL_LEN));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void completionReportsOutputUsageAndTimeToFirstToken() {
		BackendOutcome outcome = backend(simulator.vllmBaseUrl()).chat(call(MODEL, MESSAGES, null));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Completed.class, (completed) -> {
			assertThat(completed.output()).startsWith("Simulated answer to \"Why is the sky blue?\"");
			assertThat(completed.promptTokens()).isEqualTo(promptTokens(MESSAGES));
			assertThat(completed.completionTokens()).isEqualTo(ANSWER_TOKENS);
			assertThat(completed.timeToFirstTokenMs()).isBetween(TIME_TO_FIRST_TOKEN.toMillis() - 10, 2_000L);
			assertThat(completed.finishReason()).isEqualTo("stop");
		});
	}

	@Test
	void maxTokensCutsTheAnswerWithFinishReasonLength() {
		GenerationOptions options = GenerationOptions.newBuilder().setMaxTokens(5).setSeed(7L).build();

		BackendOutcome outcome = backend(simulator.vllmBaseUrl()).chat(call(MODEL, MESSAGES, options));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Completed.class, (completed) -> {
			assertThat(completed.completionTokens()).isEqualTo(5);
			assertThat(completed.finishReason()).isEqualTo("length");
		});
	}

	@Test
	void concurrentCallsAllComplete() throws Exception {
		VllmBackend backend = backend(simulator.vllmBaseUrl());
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<BackendOutcome>> outcomes = callers.invokeAll(List.of(
					() -> backend.chat(call(MODEL, MESSAGES, null)), () -> backend.chat(call(MODEL, MESSAGES, null)),
					() -> backend.chat(call(MODEL, MESSAGES, null)), () -> backend.chat(call(MODEL, MESSAGES, null)),
					() -> backend.chat(call(MODEL, MESSAGES, null)), () -> backend.chat(call(MODEL, MESSAGES, null)),
					() -> backend.chat(call(MODEL, MESSAGES, null)), () -> backend.chat(call(MODEL, MESSAGES, null))));
			for (Future<BackendOutcome> outcome : outcomes) {
				assertThat(outcome.get()).isInstanceOf(BackendOutcome.Completed.class);
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void unknownModelIsPermanentNamingModelAndRequest() {
		BackendOutcome outcome = backend(simulator.vllmBaseUrl()).chat(call("gpt-9", MESSAGES, null));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.PERMANENT);
			assertThat(failed.message()).contains("vllm", "gpt-9", "req-1", "HTTP 404", "does not exist");
		});
	}

	@Test
	void promptBeyondTheContextWindowIsContextLengthWithTheNumbers() {
		List<ChatMessage> long_ = List.of(new ChatMessage("user", "word ".repeat(300)));
		GenerationOptions options = GenerationOptions.newBuilder().setMaxTokens(32).build();

		BackendOutcome outcome = backend(simulator.vllmBaseUrl()).chat(call(MODEL, long_, options));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CONTEXT_LENGTH);
			assertThat(failed.message()).contains("req-1", "HTTP 400",
					"maximum context length is " + MAX_MODEL_LEN + " tokens",
					promptTokens(long_) + " in the messages, 32 in the completion");
		});
	}

	@Test
	void portNobodyListensOnIsTransient() throws IOException {
		BackendOutcome outcome = backend(deadUrl()).chat(call(MODEL, MESSAGES, null));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("vllm", MODEL, "req-1", "ConnectException");
		});
	}

	@Test
	void callShorterThanTheSimulatedLatencyTimesOut() {
		try (BackendSimulator slow = BackendSimulator.start(SimulatorSettings.defaults()
			.withVllmModels(List.of(MODEL))
			.withLatency(new LatencyModel(Duration.ofSeconds(3), 60)))) {
			VllmBackend backend = backend(slow.vllmBaseUrl());
			BackendCall call = new BackendCall("req-1", "llama3.1-8b", MODEL, MESSAGES, null, Duration.ofMillis(300));
			long start = System.nanoTime();

			BackendOutcome outcome = backend.chat(call);

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
			assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
				assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
				assertThat(failed.message()).contains("req-1", "300 ms");
			});
		}
	}

	@Test
	void reachableSimulatorPassesTheStartUpCheck() {
		backend(simulator.vllmBaseUrl()).checkReachable();
	}

	@Test
	void startUpCheckFailsClearlyWhenNothingListens() throws IOException {
		URI dead = deadUrl();

		assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(() -> backend(dead).checkReachable())
			.withMessageContaining("vllm backend at " + dead)
			.withMessageContaining("not reachable")
			.withMessageContaining("connection refused");
	}

	static VllmBackend backend(URI baseUrl) {
		return backend(baseUrl, null);
	}

	static VllmBackend backend(URI baseUrl, String apiKey) {
		return new VllmBackend(new VllmProperties(baseUrl, Duration.ofSeconds(1), apiKey));
	}

	static BackendCall call(String model, List<ChatMessage> messages, GenerationOptions options) {
		return new BackendCall("req-1", "llama3.1-8b", model, messages, options, Duration.ofSeconds(10));
	}

	static URI deadUrl() throws IOException {
		// a port that was free a moment ago: nothing listens there
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	private static int promptTokens(List<ChatMessage> messages) {
		return Tokens.countChat(messages.stream()
			.map((message) -> new io.llmfleet.simulator.ChatMessage(message.getRole(), message.getContent()))
			.toList());
	}

}
