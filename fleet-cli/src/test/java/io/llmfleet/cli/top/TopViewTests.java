package io.llmfleet.cli.top;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class TopViewTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	@Test
	void aWorkerIsAliveForThreeHeartbeatsThenDeadAndAfterTenMinutesOnlyCounted() {
		WorkerStates.Result result = WorkerStates.of(
				List.of(report("w-alive", 5_000, false), report("w-draining", 1_000, true),
						report("w-dead", 7_000, false), report("w-gone", Duration.ofMinutes(11).toMillis(), false)),
				NOW);

		assertThat(result.rows()).extracting(TopFrame.Worker::id, TopFrame.Worker::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("w-alive", "alive"),
					org.assertj.core.groups.Tuple.tuple("w-draining", "draining"),
					org.assertj.core.groups.Tuple.tuple("w-dead", "dead"));
		assertThat(result.longDead()).isEqualTo(1);
		assertThat(result.rows().get(0).loaded()).containsExactly("llama3.2-3b(3.0G)");
		assertThat(result.rows().get(0).gpu()).isEqualTo("NVIDIA H100 #0");
	}

	@Test
	void theWindowCountsTheLastMinutesAttemptsPerTierAndForgetsOlderOnes() {
		OutcomeWindow window = new OutcomeWindow(Duration.ofMinutes(1));
		window.add(outcome("code", "qwen2.5-coder-7b", ResultStatus.OK, 45, 100));
		window.add(outcome("code", "qwen2.5-coder-7b", ResultStatus.OK, 90, 100));
		window.add(outcome("fast", "llama3.2-3b", ResultStatus.OK, 30, 40));
		window.add(outcome("fast", "llama3.2-3b", ResultStatus.FAILED, 20, 50));
		window.add(outcome("fast", "llama3.2-3b", ResultStatus.EXPIRED, 10, 60));
		window.add(outcome("heavy", "gpt-oss-20b", ResultStatus.OK, 61, 70));

		window.prune(NOW);

		assertThat(window.tiers(List.of("fast", "code", "heavy")))
			.containsExactly(new TopFrame.Tier("fast", 3, 1, 1, 1), new TopFrame.Tier("code", 1, 1, 0, 0));
		assertThat(window.tiers(List.of()).get(1).errorRate()).isEqualTo(2.0 / 3);
		assertThat(window.done("llama3.2-3b")).isEqualTo(3);
		assertThat(window.p50("llama3.2-3b")).isEqualTo(50);
		assertThat(window.done("gpt-oss-20b")).isZero();
	}

	@Test
	void aFrameRendersWorkersQueuesAndTiers() {
		WorkerStates.Result workers = WorkerStates.of(List.of(report("w-alive", 1_000, false)), NOW);
		TopFrame frame = new TopFrame(NOW, workers.rows(), 0,
				List.of(new TopFrame.Queue("llama3.2-3b", "fast", 12, 2, 4, 30, 150)),
				List.of(new TopFrame.Tier("fast", 30, 29, 1, 0)), 60);

		String text = TopRenderer.render(frame);

		assertThat(text).contains("WORKERS  1 alive, 0 draining, 0 dead")
			.contains("w-alive")
			.contains("NVIDIA H100 #0")
			.contains("2.0/78.0 GiB")
			.containsPattern("llama3.2-3b\\s+fast\\s+12\\s+2/4\\s+30\\s+150")
			.containsPattern("fast\\s+30\\s+100.0%\\s+29\\s+1\\s+0\\s+3.3%");
	}

	private static CapacityReport report(String id, long ageMs, boolean draining) {
		long gib = 1024L * 1024 * 1024;
		return CapacityReport.newBuilder()
			.setWorkerId(id)
			.setHost("gpu-host-1")
			.setGpuIndex(0)
			.setGpuName("NVIDIA H100")
			.setVramTotalBytes(80 * gib)
			.setVramUsedBytes(2 * gib)
			.setVramFreeBytes(78 * gib)
			.setSource(CapacitySource.NVML)
			.setModelsLoaded(List.of(new LoadedModel("llama3.2-3b", 3_000_000_000L, false)))
			.setInFlight(1)
			.setMaxConcurrency(8)
			.setReportedAt(NOW.minusMillis(ageMs))
			.setHeartbeatMs(2000)
			.setDraining(draining)
			.build();
	}

	private static RoutingOutcome outcome(String tier, String model, ResultStatus status, long secondsAgo,
			long totalMs) {
		return RoutingOutcome.newBuilder()
			.setRequestId(model + secondsAgo)
			.setTier(tier)
			.setModelId(model)
			.setStatus(status)
			.setTotalMs(totalMs)
			.setFinishedAt(NOW.minusSeconds(secondsAgo))
			.build();
	}

}
