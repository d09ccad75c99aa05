package io.llmfleet.worker.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ModelSlots;
import io.llmfleet.worker.backend.BackendStatus;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityReportsTests {

	private static final long GIB = 1L << 30;

	private static final Model SMALL = new Model("small-3b", "ollama", "small:3b", "fast", 8192,
			DataSize.ofGigabytes(3));

	private static final Model CODER = new Model("coder-7b", "ollama", "coder:7b", "code", 8192,
			DataSize.ofGigabytes(6));

	private static final List<Model> SERVED = List.of(SMALL, CODER);

	private static final CapacityReports.Identity IDENTITY = new CapacityReports.Identity("w1", "gpu-host",
			Duration.ofSeconds(2));

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private final InFlightSlots slots = new InFlightSlots(List.of("small-3b", "coder-7b"), 3);

	@Test
	void nvmlFiguresAndTheGpuAreReportedAsRead() {
		GpuReading gpu = new GpuReading(true, 1, "GPU-1", "NVIDIA H100", 80 * GIB, 30 * GIB, 50 * GIB, 12, null);

		CapacityReport report = build(gpu, BackendStatus.UNREPORTED, false);

		assertThat(report.getSource()).isEqualTo(CapacitySource.NVML);
		assertThat(report.getGpuIndex()).isEqualTo(1);
		assertThat(report.getGpuUuid()).isEqualTo("GPU-1");
		assertThat(report.getGpuName()).isEqualTo("NVIDIA H100");
		assertThat(report.getVramTotalBytes()).isEqualTo(80 * GIB);
		assertThat(report.getVramUsedBytes()).isEqualTo(30 * GIB);
		assertThat(report.getVramFreeBytes()).isEqualTo(50 * GIB);
		assertThat(report.getGpuError()).isNull();
		assertThat(report.getWorkerId()).isEqualTo("w1");
		assertThat(report.getHost()).isEqualTo("gpu-host");
		assertThat(report.getHeartbeatMs()).isEqualTo(2000);
		assertThat(report.getReportedAt()).isEqualTo(NOW);
	}

	@Test
	void withTheStaticBudgetUsedVramIsWhatTheLoadedModelsHold() {
		BackendStatus status = new BackendStatus(List.of(new BackendStatus.Loaded("small-3b", 2 * GIB, false),
				new BackendStatus.Loaded("coder-7b", null, false)), GIB, null, null, null, null);

		CapacityReport report = build(budget(80 * GIB), status, false);

		assertThat(report.getSource()).isEqualTo(CapacitySource.STATIC);
		assertThat(report.getGpuError()).isEqualTo("no NVML");
		// the backend's 2 GiB, the catalogue's 6 GiB, and 1 GiB of a model not served
		assertThat(report.getVramUsedBytes()).isEqualTo(9 * GIB);
		assertThat(report.getVramFreeBytes()).isEqualTo(71 * GIB);
		assertThat(report.getModelsLoaded()).containsExactly(new LoadedModel("small-3b", 2 * GIB, false),
				new LoadedModel("coder-7b", 6 * GIB, false));
	}

	@Test
	void staticUsedVramNeverExceedsTheBudget() {
		BackendStatus status = new BackendStatus(List.of(new BackendStatus.Loaded("coder-7b", 10 * GIB, false)), 0,
				null, null, null, null);

		CapacityReport report = build(budget(8 * GIB), status, false);

		assertThat(report.getVramUsedBytes()).isEqualTo(8 * GIB);
		assertThat(report.getVramFreeBytes()).isZero();
	}

	@Test
	void aServedModelWithCallsInFlightThatTheBackendDoesNotListYetIsLoading() {
		this.slots.acquire("coder-7b");
		BackendStatus status = new BackendStatus(List.of(), 0, null, null, null, null);

		CapacityReport report = build(budget(80 * GIB), status, false);

		assertThat(report.getModelsLoaded()).containsExactly(new LoadedModel("coder-7b", 6 * GIB, true));
		assertThat(report.getVramUsedBytes()).isEqualTo(6 * GIB);
	}

	@Test
	void aBackendThatDoesNotSayReportsNoLoadedModelsAndNoBackendFields() {
		this.slots.acquire("coder-7b");

		CapacityReport report = build(budget(80 * GIB), BackendStatus.failed("ollama status failed"), false);

		assertThat(report.getModelsLoaded()).isEmpty();
		assertThat(report.getBackendRunning()).isNull();
		assertThat(report.getBackendWaiting()).isNull();
		assertThat(report.getKvCacheUsage()).isNull();
		assertThat(report.getVramUsedBytes()).isZero();
	}

	@Test
	void slotsInFlightAndConcurrencyCoverEveryServedModel() {
		this.slots.acquire("small-3b");
		this.slots.acquire("small-3b");
		this.slots.acquire("coder-7b");

		CapacityReport report = build(budget(80 * GIB), BackendStatus.UNREPORTED, false);

		assertThat(report.getModelsServed()).containsExactly("small-3b", "coder-7b");
		assertThat(report.getSlots()).containsExactly(new ModelSlots("small-3b", 2, 3),
				new ModelSlots("coder-7b", 1, 3));
		assertThat(report.getInFlight()).isEqualTo(3);
		assertThat(report.getMaxConcurrency()).isEqualTo(6);
	}

	@Test
	void theBackendsQueueAndKvCacheAndDrainingArePassedOn() {
		BackendStatus status = new BackendStatus(List.of(), 0, 4, 9, 0.75, null);

		CapacityReport report = build(budget(80 * GIB), status, true);

		assertThat(report.getBackendRunning()).isEqualTo(4);
		assertThat(report.getBackendWaiting()).isEqualTo(9);
		assertThat(report.getKvCacheUsage()).isEqualTo(0.75);
		assertThat(report.getDraining()).isTrue();
	}

	@Test
	void aModelBeingWarmedUpIsLoadingEvenWhenTheBackendListsItAlready() {
		// Ollama lists a model in /api/ps from the moment its load starts
		BackendStatus status = new BackendStatus(List.of(new BackendStatus.Loaded("small-3b", 2 * GIB, false)), 0, null,
				null, null, null);

		CapacityReport report = CapacityReports.build(IDENTITY, SERVED, budget(80 * GIB), status, this.slots,
				Set.of("small-3b", "coder-7b"), false, NOW);

		assertThat(report.getModelsLoaded()).containsExactly(new LoadedModel("small-3b", 2 * GIB, true),
				new LoadedModel("coder-7b", SERVED.get(1).vram().toBytes(), true));
	}

	@Test
	void aModelBeingWarmedUpIsLoadingWhenTheBackendSaysNothingOfItsModels() {
		CapacityReport report = CapacityReports.build(IDENTITY, SERVED, budget(80 * GIB), BackendStatus.UNREPORTED,
				this.slots, Set.of("coder-7b"), false, NOW);

		assertThat(report.getModelsLoaded())
			.containsExactly(new LoadedModel("coder-7b", SERVED.get(1).vram().toBytes(), true));
	}

	private CapacityReport build(GpuReading gpu, BackendStatus status, boolean draining) {
		return CapacityReports.build(IDENTITY, SERVED, gpu, status, this.slots, Set.of(), draining, NOW);
	}

	private static GpuReading budget(long bytes) {
		return GpuReading.budget(bytes, null, null, null, "no NVML");
	}

}
