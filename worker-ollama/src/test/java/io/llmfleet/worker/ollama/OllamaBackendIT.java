package io.llmfleet.worker.ollama;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.llmfleet.core.catalog.FleetCatalog.Model;
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
import io.llmfleet.worker.ollama.api.OllamaClient;
import io.llmfleet.worker.ollama.api.OllamaPs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link OllamaBackend} against a simulated Ollama over real HTTP.
 */
class OllamaBackendIT {

	private static final String MODEL = "llama3.2:3b";

	private static final Duration TIME_TO_FIRST_TOKEN = Duration.ofMillis(100);

	private static final int ANSWER_TOKENS = 20;

	private static final List<ChatMessage> MESSAGES = List.of(new ChatMessage("system", "Answer briefly."),
			new ChatMessage("user", "Why is the sky blue?"));

	private static BackendSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(new LatencyModel(TIME_TO_FIRST_TOKEN, 1000))
			.withDefaultMaxTokens(ANSWER_TOKENS));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void completionReportsOutputUsageAndTimeToFirstToken() {
		BackendOutcome outcome = backend(simulator.ollamaBaseUrl()).chat(call(MODEL, null, Duration.ofSeconds(10)));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Completed.class, (completed) -> {
			assertThat(completed.output()).startsWith("Simulated answer to \"Why is the sky blue?\"");
			assertThat(completed.promptTokens())
				.isEqualTo(Tokens.countChat(List.of(new io.llmfleet.simulator.ChatMessage("system", "Answer briefly."),
						new io.llmfleet.simulator.ChatMessage("user", "Why is the sky blue?"))));
			assertThat(completed.completionTokens()).isEqualTo(ANSWER_TOKENS);
			assertThat(completed.timeToFirstTokenMs()).isBetween(TIME_TO_FIRST_TOKEN.toMillis() - 10, 2_000L);
			assertThat(completed.finishReason()).isEqualTo("stop");
		});
	}

	@Test
	void maxTokensCutsTheAnswerWithFinishReasonLength() {
		GenerationOptions options = GenerationOptions.newBuilder().setMaxTokens(5).setSeed(7L).build();

		BackendOutcome outcome = backend(simulator.ollamaBaseUrl()).chat(call(MODEL, options, Duration.ofSeconds(10)));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Completed.class, (completed) -> {
			assertThat(completed.completionTokens()).isEqualTo(5);
			assertThat(completed.finishReason()).isEqualTo("length");
		});
	}

	@Test
	void concurrentCallsAllComplete() throws Exception {
		OllamaBackend backend = backend(simulator.ollamaBaseUrl());
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<BackendOutcome>> outcomes = callers
				.invokeAll(List.of(() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10))),
						() -> backend.chat(call(MODEL, null, Duration.ofSeconds(10)))));
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
		BackendOutcome outcome = backend(simulator.ollamaBaseUrl())
			.chat(call("llama9:70b", null, Duration.ofSeconds(10)));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.PERMANENT);
			assertThat(failed.message()).contains("ollama", "llama9:70b", "req-1", "HTTP 404", "not found");
		});
	}

	@Test
	void portNobodyListensOnIsTransient() throws IOException {
		BackendOutcome outcome = backend(deadUrl()).chat(call(MODEL, null, Duration.ofSeconds(10)));

		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("ollama", MODEL, "req-1", "ConnectException");
		});
	}

	@Test
	void callShorterThanTheSimulatedLatencyTimesOut() {
		try (BackendSimulator slow = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(new LatencyModel(Duration.ofSeconds(3), 60)))) {
			OllamaBackend backend = backend(slow.ollamaBaseUrl());
			BackendCall call = call(MODEL, null, Duration.ofMillis(300));
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
	void warmUpLoadsTheModelWithTheCataloguesContextLengthSoTheFirstCallLoadsNothing() {
		try (BackendSimulator cold = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(LatencyModel.instant())
			.withOllamaLoadTime(Duration.ofMillis(300)))) {
			OllamaBackend backend = backend(cold.ollamaBaseUrl());
			Model model = new Model("llama3.2-3b", "ollama", MODEL, "fast", 16384, DataSize.ofGigabytes(3));

			assertThat(backend.warmUp(model)).isEmpty();

			OllamaPs.Running running = new OllamaClient(cold.ollamaBaseUrl(), Duration.ofSeconds(1))
				.ps(Duration.ofSeconds(5));
			assertThat(running.models()).singleElement().satisfies((loaded) -> {
				assertThat(loaded.name()).isEqualTo(MODEL);
				assertThat(loaded.contextLength()).isEqualTo(16384);
			});
			BackendOutcome outcome = backend.chat(new BackendCall("req-1", model.id(), MODEL, MESSAGES, null,
					Duration.ofSeconds(10), model.contextLength()));
			assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Completed.class,
					(completed) -> assertThat(completed.timings().loadMs()).isZero());
		}
	}

	@Test
	void warmingUpAModelOllamaDoesNotHaveIsPermanent() {
		Model model = new Model("llama9-70b", "ollama", "llama9:70b", "heavy", 8192, DataSize.ofGigabytes(40));

		assertThat(backend(simulator.ollamaBaseUrl()).warmUp(model)).hasValueSatisfying((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.PERMANENT);
			assertThat(failed.message()).contains("llama9:70b", "not found");
		});
	}

	@Test
	void reachableSimulatorPassesTheStartUpCheck() {
		backend(simulator.ollamaBaseUrl()).checkReachable();
	}

	@Test
	void startUpCheckFailsClearlyWhenNothingListens() throws IOException {
		URI dead = deadUrl();

		assertThatExceptionOfType(BackendUnavailableException.class).isThrownBy(() -> backend(dead).checkReachable())
			.withMessageContaining("ollama backend at " + dead)
			.withMessageContaining("not reachable")
			.withMessageContaining("connection refused");
	}

	static OllamaBackend backend(URI baseUrl) {
		return new OllamaBackend(new OllamaProperties(baseUrl, Duration.ofSeconds(1), "5m"));
	}

	static BackendCall call(String model, GenerationOptions options, Duration timeout) {
		return new BackendCall("req-1", "llama3.2-3b", model, MESSAGES, options, timeout);
	}

	static URI deadUrl() throws IOException {
		// a port that was free a moment ago: nothing listens there
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

}
