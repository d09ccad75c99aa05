package io.llmfleet.worker.vllm;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link VllmBackend#status} against a simulated vLLM over real HTTP: served models from
 * {@code /v1/models}, and running requests and KV-cache usage from {@code /metrics} while
 * a call streams.
 */
class VllmStatusIT {

	private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

	private static final List<Model> SERVED = List.of(
			new Model("llama-8b", "vllm", MODEL, "fast", 8192, DataSize.ofGigabytes(16)),
			new Model("qwen-32b", "vllm", "Qwen/Qwen2.5-32B-Instruct-AWQ", "heavy", 8192, DataSize.ofGigabytes(20)));

	private static BackendSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		// 40 tokens at 20 per second: each call streams for about two seconds
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withVllmModels(List.of(MODEL))
			.withLatency(new LatencyModel(Duration.ofMillis(50), 20))
			.withDefaultMaxTokens(40)
			.withMaxModelLen(1024));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void aStreamingCallShowsAsRunningWithKvCacheInUseAndLeavesNothingRunningAfterwards() {
		VllmBackend backend = VllmBackendIT.backend(simulator.vllmBaseUrl());
		BackendStatus idle = backend.status(SERVED, Duration.ofSeconds(2));
		assertThat(idle.error()).isNull();
		assertThat(idle.running()).isZero();
		assertThat(idle.waiting()).isZero();
		assertThat(idle.kvCacheUsage()).isZero();

		CompletableFuture<BackendOutcome> call = CompletableFuture
			.supplyAsync(() -> backend.chat(VllmBackendIT.call(MODEL, VllmBackendIT.MESSAGES, null)));

		BackendStatus busy = await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> backend.status(SERVED, Duration.ofSeconds(2)), (status) -> status.running() == 1);
		assertThat(busy.waiting()).isZero();
		assertThat(busy.kvCacheUsage()).isPositive().isLessThanOrEqualTo(1.0);
		assertThat(busy.loaded()).containsExactly(new BackendStatus.Loaded("llama-8b", null, false));

		assertThat(call.join()).isInstanceOf(BackendOutcome.Completed.class);
		BackendStatus after = backend.status(SERVED, Duration.ofSeconds(2));
		assertThat(after.running()).isZero();
		assertThat(after.kvCacheUsage()).isZero();
	}

	@Test
	void aVllmThatDoesNotAnswerGivesAFailedStatusInsteadOfThrowing() throws IOException {
		VllmBackend backend = VllmBackendIT.backend(VllmBackendIT.deadUrl());

		BackendStatus status = backend.status(SERVED, Duration.ofSeconds(2));

		assertThat(status.loaded()).isNull();
		assertThat(status.running()).isNull();
		assertThat(status.error()).startsWith("vllm status at http://127.0.0.1:").contains("ConnectException");
	}

}
