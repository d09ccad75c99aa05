package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.it.GatedBackend;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real worker on a real broker takes a record of its model's topic only while one of
 * its slots is free, and commits its partition in order however its calls finish.
 */
@ExtendWith(SharedKafka.class)
class BackpressureIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Kafka kafka;

	@BeforeAll
	static void shareKafka(Kafka shared) {
		kafka = shared;
	}

	@Test
	void aWorkerTakesNoMoreRecordsThanItHasSlotsAndCommitsOnlyPastItsOldestRunningCall() throws Exception {
		String prefix = "backpressure.";
		GatedBackend backend = new GatedBackend();
		try (ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-backpressure", backend,
				"--fleet.worker.max-in-flight=2", "--fleet.topics.model-partitions=1", "--fleet.worker.gpu.nvml=false");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka);
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, prefix + "results");
				Admin admin = TestWorkers.admin(kafka)) {
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("oldest", "hold:oldest", prefix + "results"));
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("second", "hold:second", prefix + "results"));
			for (int i = 1; i <= 4; i++) {
				TestWorkers.send(producer, prefix, 0, TestWorkers.routed("queued-" + i, "go", prefix + "results"));
			}

			Awaitility.await().atMost(WAIT).until(() -> backend.started().size() == 2);
			assertThat(backend.started()).containsExactlyInAnyOrder("oldest", "second");
			// with both slots busy the queued records stay in Kafka: none reaches the
			// backend
			Awaitility.await()
				.during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.until(() -> backend.started().size() == 2);

			backend.release("second");

			for (int i = 1; i <= 4; i++) {
				String id = "queued-" + i;
				assertThat(results.await((result) -> result.getRequestId().equals(id), WAIT).getStatus())
					.isEqualTo(ResultStatus.OK);
			}
			assertThat(backend.maxRunning()).isEqualTo(2);
			// five of six finished, but the oldest still runs: the commit stays at it
			assertThat(TestWorkers.committed(admin, prefix).getOrDefault(0, 0L)).isZero();

			backend.release("oldest");

			results.await((result) -> result.getRequestId().equals("oldest"), WAIT);
			Awaitility.await().atMost(WAIT).until(() -> TestWorkers.committed(admin, prefix).equals(Map.of(0, 6L)));
			assertThat(results.seen()).extracting(InferenceResult::getRequestId)
				.containsExactlyInAnyOrderElementsOf(
						Set.of("oldest", "second", "queued-1", "queued-2", "queued-3", "queued-4"));
		}
	}

}
