package io.llmfleet.worker.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ModelSlots;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.it.GatedBackend;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real worker (the runtime's auto-configuration, a real broker and registry, Avro on
 * the wire) writing capacity reports, reading its GPU through the real JNA binding from
 * the fake {@code libnvidia-ml.so}.
 */
@ExtendWith(SharedKafka.class)
class CapacityReportingIT {

	private static final long GIB = 1L << 30;

	/** Longer than any test: a report that arrives was triggered by a change. */
	private static final String NO_HEARTBEAT = "--fleet.worker.heartbeat=10m";

	private static final Duration AT_ONCE = Duration.ofSeconds(5);

	private static Kafka kafka;

	private static FakeNvml nvml;

	private final GatedBackend backend = new GatedBackend();

	@BeforeAll
	static void startKafka(Kafka shared) {
		kafka = shared;
	}

	@BeforeEach
	void describeTwoGpus() {
		nvml = FakeNvml.install();
		nvml.setDevice(0, "Fake H100 80GB HBM3", 80 * GIB, 3 * GIB, 0);
		nvml.setDevice(1, "Fake L40S", 48 * GIB, 20 * GIB, 64);
	}

	@Test
	void aWorkerReportsWhatNvmlReadsOfItsPinnedGpuEveryHeartbeat() {
		String prefix = "cap-nvml.";
		try (TopicReader<CapacityReport> reports = new TopicReader<>(kafka, prefix + "capacity");
				ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-nvml", this.backend,
						"--CUDA_VISIBLE_DEVICES=1", "--fleet.worker.gpu.index=1", "--fleet.worker.heartbeat=500ms",
						"--fleet.worker.status-poll=100ms")) {
			CapacityReport first = reports.await((report) -> true, Duration.ofSeconds(30));

			assertThat(first.getWorkerId()).isEqualTo("w-nvml");
			assertThat(first.getSource()).isEqualTo(CapacitySource.NVML);
			assertThat(first.getGpuError()).isNull();
			assertThat(first.getGpuIndex()).isEqualTo(1);
			assertThat(first.getGpuUuid()).isEqualTo("GPU-fake-1");
			assertThat(first.getGpuName()).isEqualTo("Fake L40S");
			assertThat(first.getVramTotalBytes()).isEqualTo(48 * GIB);
			assertThat(first.getVramUsedBytes()).isEqualTo(20 * GIB);
			assertThat(first.getVramFreeBytes()).isEqualTo(28 * GIB);
			assertThat(first.getModelsServed()).containsExactly(TestWorkers.MODEL);
			assertThat(first.getSlots()).containsExactly(new ModelSlots(TestWorkers.MODEL, 0, 2));
			assertThat(first.getInFlight()).isZero();
			assertThat(first.getMaxConcurrency()).isEqualTo(2);
			assertThat(first.getHeartbeatMs()).isEqualTo(500);
			assertThat(first.getHost()).isNotBlank();
			assertThat(first.getDraining()).isFalse();

			nvml.setDevice(1, "Fake L40S", 48 * GIB, 40 * GIB, 99);

			CapacityReport later = reports.await((report) -> report.getVramUsedBytes() == 40 * GIB,
					Duration.ofSeconds(10));
			assertThat(later.getVramFreeBytes()).isEqualTo(8 * GIB);
			assertThat(reports.seen()).hasSizeGreaterThanOrEqualTo(2);
		}
	}

	@Test
	void aReportGoesOutAtOnceWhenAModelsSlotsFillAndAgainWhenTheyFreeUp() throws Exception {
		String prefix = "cap-slots.";
		try (TopicReader<CapacityReport> reports = new TopicReader<>(kafka, prefix + "capacity");
				ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-slots", this.backend,
						NO_HEARTBEAT, "--fleet.worker.status-poll=10m");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka)) {
			reports.await((report) -> true, Duration.ofSeconds(30));
			this.backend.hold();

			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("slots-1", "one", prefix + "results"));
			TestWorkers.send(producer, prefix, 1, TestWorkers.routed("slots-2", "two", prefix + "results"));

			CapacityReport full = reports.await((report) -> report.getInFlight() == 2, Duration.ofSeconds(30));
			assertThat(full.getSlots()).containsExactly(new ModelSlots(TestWorkers.MODEL, 2, 2));
			// the gated backend lists nothing loaded: a model serving calls is loading
			assertThat(full.getModelsLoaded()).containsExactly(new LoadedModel(TestWorkers.MODEL, 4 * GIB, true));
			int fullAt = reports.seen().indexOf(full);

			this.backend.open();

			CapacityReport freed = reports.await(fullAt + 1, (report) -> report.getInFlight() < 2, AT_ONCE);
			assertThat(freed.getSlots().get(0).getInFlight()).isLessThan(2);
		}
		finally {
			this.backend.open();
		}
	}

	@Test
	void aReportGoesOutAtOnceWhenTheBackendLoadsAModel() {
		String prefix = "cap-load.";
		try (TopicReader<CapacityReport> reports = new TopicReader<>(kafka, prefix + "capacity");
				ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-load", this.backend,
						NO_HEARTBEAT, "--fleet.worker.status-poll=100ms")) {
			CapacityReport first = reports.await((report) -> true, Duration.ofSeconds(30));
			assertThat(first.getModelsLoaded()).isEmpty();

			this.backend.status(new BackendStatus(List.of(new BackendStatus.Loaded(TestWorkers.MODEL, 5 * GIB, false)),
					0, null, null, null, null));

			CapacityReport loaded = reports.await(1, (report) -> !report.getModelsLoaded().isEmpty(), AT_ONCE);
			assertThat(loaded.getModelsLoaded()).containsExactly(new LoadedModel(TestWorkers.MODEL, 5 * GIB, false));

			this.backend.status(new BackendStatus(List.of(), 0, null, null, null, null));

			int loadedAt = reports.seen().indexOf(loaded);
			assertThat(reports.await(loadedAt + 1, (report) -> report.getModelsLoaded().isEmpty(), AT_ONCE))
				.isNotNull();
		}
	}

	@Test
	void withoutNvmlTheWorkerReportsItsStaticBudgetWhatItsModelsHoldAndWhy() {
		String prefix = "cap-static.";
		this.backend.status(new BackendStatus(List.of(new BackendStatus.Loaded(TestWorkers.MODEL, null, false)), 0,
				null, null, null, null));
		try (TopicReader<CapacityReport> reports = new TopicReader<>(kafka, prefix + "capacity");
				ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-static", this.backend,
						"--fleet.worker.gpu.library=nvidia-ml-absent", "--fleet.worker.gpu.static-vram=24GB",
						"--fleet.worker.heartbeat=300ms", "--fleet.worker.status-poll=100ms")) {
			CapacityReport report = reports.await((any) -> true, Duration.ofSeconds(30));

			assertThat(report.getSource()).isEqualTo(CapacitySource.STATIC);
			assertThat(report.getGpuError()).startsWith("NVML library nvidia-ml-absent not found");
			assertThat(report.getGpuName()).isNull();
			assertThat(report.getVramTotalBytes()).isEqualTo(24 * GIB);
			// the catalogue's 4GB for the loaded model, as the backend gave no size
			assertThat(report.getVramUsedBytes()).isEqualTo(4 * GIB);
			assertThat(report.getVramFreeBytes()).isEqualTo(20 * GIB);
			assertThat(report.getModelsLoaded()).containsExactly(new LoadedModel(TestWorkers.MODEL, 4 * GIB, false));

			// heartbeats keep coming while nothing changes
			reports.await(2, (any) -> true, Duration.ofSeconds(10));
		}
	}

	@Test
	void aStoppingWorkerReportsDrainingBeforeItsConsumersStopAndAgainOnceTheyHave() throws Exception {
		String prefix = "cap-drain.";
		// one call fills the model's slots, which triggers a report
		ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-drain", this.backend, NO_HEARTBEAT,
				"--fleet.worker.status-poll=10m", "--fleet.worker.max-in-flight=1");
		try (TopicReader<CapacityReport> reports = new TopicReader<>(kafka, prefix + "capacity");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka)) {
			reports.await((report) -> true, Duration.ofSeconds(30));
			this.backend.hold();
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("drain-1", "one", prefix + "results"));
			reports.await((report) -> report.getInFlight() == 1, Duration.ofSeconds(30));

			CompletableFuture<Void> closing = CompletableFuture.runAsync(worker::close);

			// the consumers are still busy with the call: draining was said first
			CapacityReport draining = reports.await(CapacityReport::getDraining, Duration.ofSeconds(10));
			assertThat(draining.getInFlight()).isEqualTo(1);
			assertThat(closing).isNotDone();
			Instant drainingAt = draining.getReportedAt();

			this.backend.open();
			closing.get(30, java.util.concurrent.TimeUnit.SECONDS);

			// once stopped, the last word is draining with nothing in flight
			reports.await((report) -> report.getDraining() && report.getInFlight() == 0, Duration.ofSeconds(10));
			List<CapacityReport> all = reports.seen();
			List<CapacityReport> afterDraining = all.subList(all.indexOf(draining), all.size());
			assertThat(afterDraining).allMatch(CapacityReport::getDraining);
			assertThat(all.get(all.size() - 1).getInFlight()).isZero();
			assertThat(all.get(all.size() - 1).getReportedAt()).isAfterOrEqualTo(drainingAt);
		}
		finally {
			this.backend.open();
			worker.close();
		}
	}

}
