package io.llmfleet.worker.vllm;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a vLLM call fails, produced by the simulated vLLM's fault injection over real
 * HTTP, and the kind each becomes: what the runtime does next depends on it.
 */
class VllmErrorMappingIT {

	private static final String MODEL = "Qwen/Qwen2.5-7B-Instruct";

	private static final int MAX_MODEL_LEN = 256;

	private static BackendSimulator simulator;

	private static VllmBackend backend;

	@BeforeAll
	static void startSimulator() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withVllmModels(List.of(MODEL))
			.withLatency(LatencyModel.instant())
			.withDefaultMaxTokens(8)
			.withMaxModelLen(MAX_MODEL_LEN));
		backend = new VllmBackend(new VllmProperties(simulator.vllmBaseUrl(), Duration.ofSeconds(1), null));
	}

	@AfterEach
	void clearFaults() {
		simulator.vllmFaults().clear();
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void aPromptBeyondTheContextWindowIsContextLength() {
		String longPrompt = "word ".repeat(4 * MAX_MODEL_LEN);

		assertThat(failure(call(longPrompt, null, Duration.ofSeconds(10)))).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CONTEXT_LENGTH);
			assertThat(failed.message()).contains("HTTP 400", "maximum context length is " + MAX_MODEL_LEN);
		});
	}

	@Test
	void aFullQueueIsCapacityAsServiceUnavailableAndAsTooManyRequests() {
		simulator.vllmFaults().set(Fault.overloaded().once(), Fault.overloaded().withStatus(429).once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("HTTP 503", "overloaded");
		});
		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("HTTP 429");
		});
	}

	@Test
	void anEngineKilledByOutOfMemoryIsCapacityBeforeAndInTheMiddleOfAStream() {
		simulator.vllmFaults().set(Fault.outOfMemory().once(), Fault.outOfMemory().withAfterChunks(2).once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("HTTP 500", "(empty body)");
		});
		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("middle of the stream", "EngineCore encountered an issue");
		});
	}

	@Test
	void anInternalErrorIsTransientBeforeAndInTheMiddleOfAStream() {
		simulator.vllmFaults().set(Fault.error(500).once(), Fault.error(500).withAfterChunks(2).once());

		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("HTTP 500", "Internal server error");
		});
		assertThat(failure()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("middle of the stream", "Internal server error");
		});
	}

	@Test
	void aServiceUnavailableEventInTheMiddleOfAStreamIsCapacity() {
		simulator.vllmFaults().set(Fault.error(503).withAfterChunks(1).once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void aGatewayTimeoutIsTimeout() {
		simulator.vllmFaults().set(Fault.error(504).once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.TIMEOUT);
	}

	@Test
	void anInvalidSamplingParameterIsPermanent() {
		GenerationOptions options = GenerationOptions.newBuilder().setTemperature(-1f).build();

		assertThat(failure(call("Why is the sky blue?", options, Duration.ofSeconds(10)))).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.PERMANENT);
			assertThat(failed.message()).contains("HTTP 400", "temperature must be non-negative");
		});
	}

	@Test
	void aStreamCutBeforeDoneIsTransient() {
		simulator.vllmFaults().set(Fault.disconnectAfter(2).once());

		assertThat(failure().kind()).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void aServerThatAcceptsTheCallAndNeverAnswersIsTimeout() {
		simulator.vllmFaults().set(Fault.hang().once());

		assertThat(failure(call("Why is the sky blue?", null, Duration.ofMillis(500)))).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
			assertThat(failed.message()).contains("no complete answer within 500 ms");
		});
	}

	@Test
	void aGenerationThatStallsBetweenEventsTimesOutAtTheGenerationTimeout() {
		// two tokens a second: half a second between events
		try (BackendSimulator slow = BackendSimulator.start(SimulatorSettings.defaults()
			.withVllmModels(List.of(MODEL))
			.withLatency(new LatencyModel(Duration.ZERO, 2)))) {
			VllmBackend stalling = new VllmBackend(
					new VllmProperties(slow.vllmBaseUrl(), Duration.ofSeconds(1), null, Duration.ofMillis(150)));

			BackendOutcome outcome = stalling.chat(call("Why is the sky blue?", null, Duration.ofSeconds(60)));

			assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
				assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
				assertThat(failed.message()).contains("no further chunk within 150 ms of the last one");
			});
		}
	}

	@Test
	void warmUpFindsAServedModelReadyAndAnotherNotServedAsPermanent() {
		Model served = new Model("qwen2.5-7b", "vllm", MODEL, "code", 32768, DataSize.ofGigabytes(16));
		Model other = new Model("llama3.1-8b", "vllm", "meta-llama/Llama-3.1-8B-Instruct", "fast", 8192,
				DataSize.ofGigabytes(16));

		assertThat(backend.warmUp(served)).isEmpty();
		assertThat(backend.warmUp(other)).hasValueSatisfying((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.PERMANENT);
			assertThat(failed.message()).contains("serves [" + MODEL + "]", "meta-llama/Llama-3.1-8B-Instruct");
		});
	}

	private static BackendOutcome.Failed failure() {
		return failure(call("Why is the sky blue?", null, Duration.ofSeconds(10)));
	}

	private static BackendOutcome.Failed failure(BackendCall call) {
		BackendOutcome outcome = backend.chat(call);
		assertThat(outcome).isInstanceOf(BackendOutcome.Failed.class);
		return (BackendOutcome.Failed) outcome;
	}

	private static BackendCall call(String prompt, GenerationOptions options, Duration timeout) {
		return new BackendCall("req-1", "qwen2.5-7b", MODEL, List.of(new ChatMessage("user", prompt)), options,
				timeout);
	}

}
