package io.llmfleet.worker.ollama;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way an Ollama call fails, produced by the simulated Ollama's fault injection over
 * real HTTP, and the kind each becomes: what the runtime does next depends on it.
 */
class OllamaErrorMappingIT {

	private static final String MODEL = "llama3.2:3b";

	private static final Duration LOAD_TIMEOUT = Duration.ofMillis(500);

	private static BackendSimulator simulator;

	private static OllamaBackend backend;

	@BeforeAll
	static void startSimulator() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(LatencyModel.instant())
			.withDefaultMaxTokens(8));
		backend = backend(simulator.ollamaBaseUrl(), LOAD_TIMEOUT, Duration.ofSeconds(10));
	}

	@AfterEach
	void clearFaults() {
		simulator.ollamaFaults().clear();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void aModelThatDoesNotFitInMemoryIsCapacity() {
		simulator.ollamaFaults().set(Fault.outOfMemory().once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("HTTP 500", "model requires more system memory", "req-1", MODEL);
		});
	}

	@Test
	void runningOutOfMemoryInTheMiddleOfAStreamIsCapacity() {
		simulator.ollamaFaults().set(Fault.outOfMemory().withAfterChunks(2).once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("middle of the stream", "requires more system memory");
		});
	}

	@Test
	void aFullQueueIsCapacity() {
		simulator.ollamaFaults().set(Fault.overloaded().once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("HTTP 503", "server busy");
		});
	}

	@Test
	void serviceUnavailableAndTooManyRequestsAreCapacity() {
		simulator.ollamaFaults().set(Fault.error(503).once(), Fault.error(429).once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.CAPACITY);
		assertThat(failure().kind()).isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void aGatewayTimeoutIsTimeout() {
		simulator.ollamaFaults().set(Fault.error(504).once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
	}

	@Test
	void aCrashedRunnerIsTransientBeforeAndInTheMiddleOfAStream() {
		simulator.ollamaFaults().set(Fault.error(500).once(), Fault.error(500).withAfterChunks(2).once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("llama runner process has terminated");
		});
		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("middle of the stream");
		});
	}

	@Test
	void ollamasOwnLoadTimeoutIsTimeout() {
		simulator.ollamaFaults()
			.set(Fault.error(500).withMessage("timed out waiting for llama runner to start - progress 0.00").once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
	}

	@Test
	void aStreamCutBeforeItsFinalChunkIsTransient() {
		simulator.ollamaFaults().set(Fault.disconnectAfter(2).once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void aServerThatAcceptsTheCallAndNeverAnswersTimesOutAtTheLoadTimeout() {
		simulator.ollamaFaults().set(Fault.hang().once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
			assertThat(failed.message()).contains("no first chunk within " + LOAD_TIMEOUT.toMillis() + " ms");
		});
	}

	@Test
	void aLoadLongerThanTheLoadTimeoutIsTimeout() {
		try (BackendSimulator cold = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(LatencyModel.instant())
			.withOllamaFaults(Fault.slowLoad(Duration.ofSeconds(5)).once()))) {
			BackendOutcome outcome = backend(cold.ollamaBaseUrl(), LOAD_TIMEOUT, Duration.ofSeconds(10))
				.chat(call(Duration.ofSeconds(30)));

			assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
				assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
				assertThat(failed.message()).contains("no first chunk within 500 ms");
			});
		}
	}

	@Test
	void aLoadWithinTheLoadTimeoutMayOutlastTheGenerationTimeout() {
		Duration load = Duration.ofMillis(1500);
		try (BackendSimulator cold = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(LatencyModel.instant())
			.withOllamaLoadTime(load))) {
			BackendOutcome outcome = backend(cold.ollamaBaseUrl(), Duration.ofSeconds(30), Duration.ofMillis(300))
				.chat(call(Duration.ofSeconds(60)));

			assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Completed.class, (completed) -> {
				assertThat(completed.timings().loadMs()).isGreaterThanOrEqualTo(load.toMillis());
				assertThat(completed.timeToFirstTokenMs()).isGreaterThanOrEqualTo(load.toMillis());
				assertThat(completed.timings().evalMs()).isNotNull();
				assertThat(completed.timings().promptEvalMs()).isNotNull();
			});
		}
	}

	@Test
	void aGenerationThatStallsBetweenChunksTimesOutAtTheGenerationTimeout() {
		// two tokens a second: half a second between chunks
		try (BackendSimulator slow = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(MODEL))
			.withLatency(new LatencyModel(Duration.ZERO, 2)))) {
			BackendOutcome outcome = backend(slow.ollamaBaseUrl(), Duration.ofSeconds(30), Duration.ofMillis(150))
				.chat(call(Duration.ofSeconds(60)));

			assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
				assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
				assertThat(failed.message()).contains("no further chunk within 150 ms of the last one");
			});
		}
	}

	private static BackendOutcome.Failed failure() {
		BackendOutcome outcome = backend.chat(call(Duration.ofSeconds(30)));
		assertThat(outcome).isInstanceOf(BackendOutcome.Failed.class);
		return (BackendOutcome.Failed) outcome;
	}

	static OllamaBackend backend(URI baseUrl, Duration loadTimeout, Duration generationTimeout) {
		return new OllamaBackend(
				new OllamaProperties(baseUrl, Duration.ofSeconds(1), "5m", loadTimeout, generationTimeout, null));
	}

	private static BackendCall call(Duration timeout) {
		return new BackendCall("req-1", "llama3.2-3b", MODEL, List.of(new ChatMessage("user", "Why is the sky blue?")),
				null, timeout, 8192);
	}

}
