package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.worker.it.GatedBackend;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stopping worker stops taking work, lets its calls finish within the grace period and
 * commits them; what does not finish in time is neither answered nor dead-lettered, and
 * the next worker serves it.
 */
@ExtendWith(SharedKafka.class)
class GracefulShutdownIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Kafka kafka;

	@BeforeAll
	static void shareKafka(Kafka shared) {
		kafka = shared;
	}

	@Test
	void callsRunningWhenTheWorkerStopsFinishWithinTheGraceAndAreCommitted() throws Exception {
		String prefix = "shutdown-grace.";
		GatedBackend backend = new GatedBackend();
		ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-grace", backend,
				"--fleet.worker.shutdown-grace=60s", "--fleet.topics.model-partitions=1",
				"--fleet.worker.gpu.nvml=false");
		try (KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka);
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, prefix + "results");
				Admin admin = TestWorkers.admin(kafka)) {
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("grace-1", "hold:finish", prefix + "results"));
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("grace-2", "hold:finish", prefix + "results"));
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("grace-3", "hold:later", prefix + "results"));
			Awaitility.await().atMost(WAIT).until(() -> backend.running() == 2);

			CompletableFuture<Void> closing = CompletableFuture.runAsync(worker::close);
			Awaitility.await()
				.during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(5))
				.until(() -> !closing.isDone() && backend.running() == 2);
			backend.release("finish");
			closing.get(60, TimeUnit.SECONDS);

			assertThat(results.await((result) -> result.getRequestId().equals("grace-1"), WAIT).getStatus())
				.isEqualTo(ResultStatus.OK);
			assertThat(results.await((result) -> result.getRequestId().equals("grace-2"), WAIT).getStatus())
				.isEqualTo(ResultStatus.OK);
			// the third was never taken: the stopping worker took no new work
			assertThat(backend.started()).containsExactlyInAnyOrder("grace-1", "grace-2");
			assertThat(TestWorkers.committed(admin, prefix)).isEqualTo(Map.of(0, 2L));
		}
		finally {
			backend.release("finish");
			worker.close();
		}
	}

	@Test
	void aCallStillRunningAtTheEndOfTheGraceIsLeftUncommittedAndServedByTheNextWorker() throws Exception {
		String prefix = "shutdown-abort.";
		GatedBackend first = new GatedBackend();
		GatedBackend next = new GatedBackend();
		next.release("forever");
		ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-first", first,
				"--fleet.worker.shutdown-grace=500ms", "--fleet.topics.model-partitions=1",
				"--fleet.worker.gpu.nvml=false");
		try (KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka);
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, prefix + "results");
				TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, prefix + "dead-letter");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, prefix + "outcomes");
				Admin admin = TestWorkers.admin(kafka)) {
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("abort-1", "hold:forever", prefix + "results"));
			Awaitility.await().atMost(WAIT).until(() -> first.running() == 1);

			worker.close();

			assertThat(first.running()).isZero();
			assertThat(TestWorkers.committed(admin, prefix).getOrDefault(0, 0L)).isZero();
			try (ConfigurableApplicationContext second = TestWorkers.start(kafka, prefix, "w-next", next,
					"--fleet.topics.model-partitions=1", "--fleet.worker.gpu.nvml=false")) {
				InferenceResult result = results.await((seen) -> seen.getRequestId().equals("abort-1"), WAIT);
				assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
				assertThat(result.getWorkerId()).isEqualTo("w-next");
				Awaitility.await().atMost(WAIT).until(() -> TestWorkers.committed(admin, prefix).equals(Map.of(0, 1L)));
			}
			outcomes.await((seen) -> seen.getRequestId().equals("abort-1"), WAIT);
			assertThat(outcomes.seen()).extracting(RoutingOutcome::getWorkerId).containsExactly("w-next");
			assertThat(results.seen()).hasSize(1);
			// polled long enough to have joined and read the topic: nothing was
			// dead-lettered
			Awaitility.await()
				.during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(10))
				.until(() -> deadLetters.seen().isEmpty());
		}
		finally {
			worker.close();
		}
	}

}
