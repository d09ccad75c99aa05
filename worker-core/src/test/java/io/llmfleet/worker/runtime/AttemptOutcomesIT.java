package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
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
 * A real worker against a real broker writes one routing outcome per finished attempt,
 * after the attempt's result or dead letter.
 */
@ExtendWith(SharedKafka.class)
class AttemptOutcomesIT {

	private static final String PREFIX = "outcomes-it.";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Kafka kafka;

	private static ConfigurableApplicationContext worker;

	private static KafkaProducer<String, RoutedRequest> producer;

	@BeforeAll
	static void startWorker(Kafka shared) {
		kafka = shared;
		worker = TestWorkers.start(kafka, PREFIX, "w-outcomes", new GatedBackend(), "--fleet.worker.gpu.nvml=false");
		producer = TestWorkers.producer(kafka);
	}

	@AfterAll
	static void stopWorker() {
		producer.close();
		worker.close();
	}

	@Test
	void anAnsweredAttemptLeavesAnOkOutcomeAndItsResultCarriesTheEarlierAttempts() throws Exception {
		RoutedRequest routed = TestWorkers.routed("ok-1", "hello", PREFIX + "results");
		Attempt earlier = Attempt.newBuilder()
			.setModelId("big")
			.setTier("large")
			.setWorkerId("w-big")
			.setErrorKind(ErrorKind.TIMEOUT)
			.setReason("too slow")
			.build();
		routed.setHistory(List.of(earlier));
		routed.setAttempt(2);
		try (TopicReader<InferenceResult> results = new TopicReader<>(kafka, PREFIX + "results");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, PREFIX + "outcomes")) {
			TestWorkers.send(producer, PREFIX, 0, routed);

			InferenceResult result = results.await((seen) -> seen.getRequestId().equals("ok-1"), WAIT);
			assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(result.getHistory()).containsExactly(earlier);

			RoutingOutcome outcome = outcomes.await((seen) -> seen.getRequestId().equals("ok-1"), WAIT);
			assertThat(outcome.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(outcome.getErrorKind()).isNull();
			assertThat(outcome.getModelId()).isEqualTo(TestWorkers.MODEL);
			assertThat(outcome.getWorkerId()).isEqualTo("w-outcomes");
			assertThat(outcome.getTier()).isEqualTo("small");
			assertThat(outcome.getConfidence()).isEqualTo(0.9);
			assertThat(outcome.getAttempt()).isEqualTo(2);
			assertThat(outcome.getPromptTokens()).isEqualTo(3);
			assertThat(outcome.getCompletionTokens()).isEqualTo(4);
			assertThat(outcome.getQueueMs()).isNotNull();
			assertThat(outcome.getBackendMs()).isNotNull();
			assertThat(outcome.getTotalMs()).isNotNull();
			assertThat(outcome.getFinishedAt()).isAfterOrEqualTo(result.getCompletedAt());
		}
	}

	@Test
	void aDeadLetteredAttemptLeavesAFailedOutcomeWithItsErrorKind() throws Exception {
		try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, PREFIX + "dead-letter");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, PREFIX + "outcomes")) {
			TestWorkers.send(producer, PREFIX, 1, TestWorkers.routed("dl-1", "fail:CAPACITY", PREFIX + "results"));

			DeadLetter letter = deadLetters.await((seen) -> seen.getRouted().getRequest().getRequestId().equals("dl-1"),
					WAIT);
			assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.CAPACITY);

			RoutingOutcome outcome = outcomes.await((seen) -> seen.getRequestId().equals("dl-1"), WAIT);
			assertThat(outcome.getStatus()).isEqualTo(ResultStatus.FAILED);
			assertThat(outcome.getErrorKind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(outcome.getWorkerId()).isEqualTo("w-outcomes");
			assertThat(outcome.getFinishedAt()).isAfterOrEqualTo(letter.getFailedAt());
		}
	}

	@Test
	void anExpiredAttemptLeavesAnExpiredOutcome() throws Exception {
		RoutedRequest routed = TestWorkers.routed("exp-1", "late", PREFIX + "results");
		routed.getRequest().setDeadlineAt(Instant.now().minusSeconds(1));
		try (TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, PREFIX + "outcomes")) {
			TestWorkers.send(producer, PREFIX, 0, routed);

			RoutingOutcome outcome = outcomes.await((seen) -> seen.getRequestId().equals("exp-1"), WAIT);
			assertThat(outcome.getStatus()).isEqualTo(ResultStatus.EXPIRED);
			assertThat(outcome.getErrorKind()).isEqualTo(ErrorKind.EXPIRED);
			assertThat(outcome.getBackendMs()).isNull();
		}
	}

}
