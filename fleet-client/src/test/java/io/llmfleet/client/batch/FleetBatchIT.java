package io.llmfleet.client.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.embedded.registry.EmbeddedSchemaRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Batches against a real broker and registry, with {@link FakeFleet} answering: bounded
 * in-flight, resumption after a crash, fencing of an earlier submitter, detached
 * collection. Each test uses its own topic prefix.
 */
class FleetBatchIT {

	@TempDir
	static Path dataDir;

	static EmbeddedKafkaBroker broker;

	static EmbeddedSchemaRegistry registry;

	@BeforeAll
	static void startKafka() {
		broker = EmbeddedKafkaBroker.start(dataDir, 0);
		broker.createTopics(List.of("bounded.", "crash.", "fence.", "detached.")
			.stream()
			.map((prefix) -> new NewTopic(prefix + "requests", 3, (short) 1))
			.toList());
		registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
	}

	@AfterAll
	static void stopKafka() {
		registry.close();
		broker.close();
	}

	@Test
	void anAttachedRunDeliversEveryResultOnceWithNoMoreThanMaxInFlightUnanswered() {
		FleetClientConfig config = config("bounded.");
		List<BatchResult> results = new ArrayList<>();
		try (FakeFleet fleet = new FakeFleet(config, 20);
				FleetBatch batch = FleetBatch.open(config, BatchOptions.of("bounded-1").withMaxInFlight(16))) {
			BatchSummary summary = batch.run(items(300), results::add);

			assertThat(summary).isEqualTo(new BatchSummary(300, 0, 0, 300, 300, 0));
			assertThat(fleet.mostUnanswered()).isBetween(1, 16);
		}
		assertThat(results).extracting(BatchResult::customId)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(customIds(300));
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.result().getOutput()).isEqualTo(result.customId());
			assertThat(result.requestId()).isEqualTo(BatchIds.requestId("bounded-1", result.customId()));
		});
	}

	@Test
	void aSubmitterKilledHalfwayAndResumedSubmitsEachRequestOnceAndDeliversEveryResultOnce() {
		FleetClientConfig config = config("crash.");
		List<BatchResult> results = new ArrayList<>();
		try (FakeFleet fleet = new FakeFleet(config, 2)) {
			// Until the crash the fleet answers only even rows: the odd ones stay
			// pending.
			fleet.holdUnless((request) -> number(request.getMetadata().get(BatchIds.CUSTOM_ID)) % 2 == 0);
			// The first submitter dies reading item 161 of 400, with items 151-160 in an
			// open transaction, and is never closed: a crashed or hung process.
			FleetBatch crashed = FleetBatch.open(config,
					BatchOptions.of("crash-1").withMaxInFlight(1000).withCommitEvery(25));
			assertThatRuntimeException().isThrownBy(() -> crashed.run(failingAfter(items(400), 160), (r) -> {
			})).withMessage("crash");
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> BatchSnapshot.read(config, "crash-1").countsByStatus(),
						(counts) -> counts.equals(Map.of("OK", 75, BatchSnapshot.PENDING, 75)));

			try (FleetBatch resumed = FleetBatch.open(config, BatchOptions.of("crash-1").withMaxInFlight(64))) {
				fleet.release();
				BatchSummary summary = resumed.run(items(400), results::add);

				assertThat(summary).isEqualTo(new BatchSummary(400, 75, 75, 250, 400, 0));
			}
			crashed.close();

			BatchSnapshot snapshot = BatchSnapshot.read(config, "crash-1");
			assertThat(snapshot.entries()).hasSize(400).allSatisfy((entry) -> assertThat(entry.result()).isNotNull());
			assertThat(snapshot.complete()).isTrue();
			assertThat(fleet.seen()).hasSize(400)
				.allSatisfy((id, times) -> assertThat(times.get()).as("request %s read", id).isEqualTo(1));
		}
		assertThat(results).extracting(BatchResult::customId)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(customIds(400));
	}

	@Test
	void openingABatchAgainFencesTheEarlierSubmitter() {
		FleetClientConfig config = config("fence.");
		try (FakeFleet fleet = new FakeFleet(config, 1);
				FleetBatch first = FleetBatch.open(config, BatchOptions.of("fence-1"));
				FleetBatch second = FleetBatch.open(config, BatchOptions.of("fence-1"))) {
			assertThatIllegalStateException().isThrownBy(() -> first.submit(items(10)))
				.withMessageContaining("fence-1")
				.withMessageContaining("another process");
			assertThat(second.submit(items(10)).submitted()).isEqualTo(10);
		}
	}

	@Test
	void aDetachedBatchIsCollectedInInputOrderWithItsCustomIds() {
		FleetClientConfig config = config("detached.");
		try (FakeFleet fleet = new FakeFleet(config, 1)) {
			try (FleetBatch batch = FleetBatch.open(config, BatchOptions.of("detached-1"))) {
				assertThat(batch.submit(items(120))).isEqualTo(new BatchSummary(120, 0, 0, 120, 0, 0));
			}
			BatchSnapshot snapshot = BatchSnapshot.await(config, "detached-1", Duration.ofSeconds(60));

			assertThat(snapshot.complete()).isTrue();
			assertThat(snapshot.manifest().getTotal()).isEqualTo(120);
			assertThat(snapshot.countsByStatus()).isEqualTo(Map.of("OK", 120));
			assertThat(snapshot.entries()).extracting(BatchSnapshot.Entry::customId)
				.containsExactlyElementsOf(customIds(120));
			assertThat(snapshot.entries())
				.allSatisfy((entry) -> assertThat(entry.result().getOutput()).isEqualTo(entry.customId()));
			assertThat(BatchSnapshot.read(config, "detached-1")).isEqualTo(snapshot);

			try (FleetBatch again = FleetBatch.open(config, BatchOptions.of("detached-1"))) {
				assertThat(again.submit(items(120))).isEqualTo(new BatchSummary(120, 120, 0, 0, 0, 0));
			}
		}
	}

	private static FleetClientConfig config(String prefix) {
		return FleetClientConfig.of(broker.bootstrapServers(), registry.url())
			.withTopicPrefix(prefix)
			.withTimeout(Duration.ofMinutes(2));
	}

	private static List<String> customIds(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "row-" + i).toList();
	}

	private static int number(String customId) {
		return Integer.parseInt(customId.substring("row-".length()));
	}

	private static List<BatchItem> items(int count) {
		return customIds(count).stream().map((id) -> BatchItem.prompt(id, "Say " + id)).toList();
	}

	private static Iterable<BatchItem> failingAfter(List<BatchItem> items, int count) {
		AtomicInteger read = new AtomicInteger();
		return () -> new Iterator<>() {

			private final Iterator<BatchItem> delegate = items.iterator();

			@Override
			public boolean hasNext() {
				return this.delegate.hasNext();
			}

			@Override
			public BatchItem next() {
				if (read.incrementAndGet() > count) {
					throw new RuntimeException("crash");
				}
				return this.delegate.next();
			}

		};
	}

}
