package io.llmfleet.worker.ollama;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.worker.capacity.InFlightSlots;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ollama workers stopping with calls on the simulated Ollama: nothing is lost and nothing
 * fails because a worker went away. A worker stopped mid-call past its grace period
 * leaves the request to the other worker, whose answer is the only one; a worker stopped
 * under load finishes what it runs and the other takes over the rest.
 */
@ExtendWith(SharedKafka.class)
class OllamaWorkerShutdownIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static Kafka kafka;

	@BeforeAll
	static void shareKafka(Kafka shared) {
		kafka = shared;
	}

	@Test
	void aWorkerStoppedMidCallLeavesTheRequestToAnotherWorkerAndTheClientSeesOneResult() throws Exception {
		String prefix = "ollama-killed.";
		try (BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(OllamaWorkers.BACKEND_MODEL))
			.withLatency(LatencyModel.instant())
			.withOllamaFaults(Fault.hang().once()));
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, prefix + "results");
				TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, prefix + "dead-letter");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, prefix + "outcomes");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka)) {
			ConfigurableApplicationContext first = OllamaWorkers.start(kafka, prefix, "w-first",
					simulator.ollamaBaseUrl(), "--fleet.worker.shutdown-grace=500ms");
			ConfigurableApplicationContext second = OllamaWorkers.start(kafka, prefix, "w-second",
					simulator.ollamaBaseUrl(), "--fleet.worker.shutdown-grace=500ms");
			try {
				TestWorkers.awaitGroup(kafka, group(prefix), 2, 1);
				OllamaWorkers.send(producer, prefix, "killed-1");
				Awaitility.await().atMost(WAIT).until(() -> simulator.ollamaFaults().hanging() == 1);
				boolean firstServes = inFlight(first) == 1;
				ConfigurableApplicationContext serving = firstServes ? first : second;
				String survivor = firstServes ? "w-second" : "w-first";
				assertThat(inFlight(serving)).isEqualTo(1);

				serving.close();

				InferenceResult result = results.await((seen) -> seen.getRequestId().equals("killed-1"), WAIT);
				assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
				assertThat(result.getWorkerId()).isEqualTo(survivor);
				outcomes.await((seen) -> seen.getRequestId().equals("killed-1"), WAIT);
				assertThat(outcomes.seen()).extracting(RoutingOutcome::getWorkerId).containsExactly(survivor);
				assertThat(results.seen()).hasSize(1);
				Awaitility.await()
					.during(Duration.ofSeconds(2))
					.atMost(Duration.ofSeconds(10))
					.until(() -> deadLetters.seen().isEmpty());
			}
			finally {
				first.close();
				second.close();
			}
		}
	}

	@Test
	void aWorkerStoppedUnderLoadLosesNothingAndFailsNothing() throws Exception {
		String prefix = "ollama-drain.";
		int requests = 40;
		try (BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(OllamaWorkers.BACKEND_MODEL))
			.withLatency(new LatencyModel(Duration.ofMillis(50), 100))
			.withDefaultMaxTokens(10));
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, prefix + "results");
				TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, prefix + "dead-letter");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, prefix + "outcomes");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka)) {
			String[] settings = { "--fleet.topics.model-partitions=2", "--fleet.worker.max-in-flight=3",
					"--fleet.worker.shutdown-grace=30s" };
			ConfigurableApplicationContext stopping = OllamaWorkers.start(kafka, prefix, "w-stopping",
					simulator.ollamaBaseUrl(), settings);
			ConfigurableApplicationContext staying = OllamaWorkers.start(kafka, prefix, "w-staying",
					simulator.ollamaBaseUrl(), settings);
			try {
				TestWorkers.awaitGroup(kafka, group(prefix), 2, 2);
				for (int i = 0; i < requests; i++) {
					OllamaWorkers.send(producer, prefix, "load-" + i);
				}
				Awaitility.await().atMost(WAIT).until(() -> inFlight(stopping) > 0);

				stopping.close();

				Set<String> expected = IntStream.range(0, requests)
					.mapToObj((i) -> "load-" + i)
					.collect(Collectors.toSet());
				Awaitility.await()
					.atMost(WAIT)
					.until(() -> results.seen()
						.stream()
						.map(InferenceResult::getRequestId)
						.collect(Collectors.toSet())
						.containsAll(expected));
				List<InferenceResult> all = results.seen();
				assertThat(all).hasSize(requests).allMatch((result) -> result.getStatus() == ResultStatus.OK);
				assertThat(all).extracting(InferenceResult::getWorkerId).contains("w-stopping", "w-staying");
				Awaitility.await().atMost(WAIT).until(() -> outcomes.seen().size() >= requests);
				assertThat(outcomes.seen()).hasSize(requests)
					.allMatch((outcome) -> outcome.getStatus() == ResultStatus.OK);
				Awaitility.await()
					.during(Duration.ofSeconds(2))
					.atMost(Duration.ofSeconds(10))
					.until(() -> deadLetters.seen().isEmpty());
			}
			finally {
				stopping.close();
				staying.close();
			}
		}
	}

	private static int inFlight(ConfigurableApplicationContext worker) {
		return worker.getBean(InFlightSlots.class).total();
	}

	private static String group(String prefix) {
		return prefix + "workers." + OllamaWorkers.MODEL;
	}

}
