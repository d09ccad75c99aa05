package io.llmfleet.worker.ollama;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;
import io.llmfleet.worker.ollama.api.OllamaClient;
import io.llmfleet.worker.ollama.api.OllamaPs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Ollama worker with {@code fleet.worker.warm-up=true} loads its model before it takes
 * work, with the {@code num_ctx} its requests carry, and its capacity reports list the
 * model as loading until the load is done, although Ollama lists it from the start.
 */
@ExtendWith(SharedKafka.class)
class OllamaWarmUpIT {

	private static final String PREFIX = "ollama-warm-up.";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Kafka kafka;

	@BeforeAll
	static void shareKafka(Kafka shared) {
		kafka = shared;
	}

	@Test
	void aWarmedUpModelIsReportedLoadingUntilItsLoadIsDoneAndThenServes() throws Exception {
		try (BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(OllamaWorkers.BACKEND_MODEL))
			.withLatency(LatencyModel.instant())
			.withOllamaLoadTime(Duration.ofMillis(1500)));
				TopicReader<CapacityReport> reports = new TopicReader<>(kafka, PREFIX + "capacity");
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, PREFIX + "results");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka);
				ConfigurableApplicationContext worker = OllamaWorkers.start(kafka, PREFIX, "w-warm",
						simulator.ollamaBaseUrl(), "--fleet.worker.warm-up=true", "--fleet.worker.heartbeat=10m",
						"--fleet.worker.status-poll=100ms")) {
			// start-up returned: the warm-up is done
			OllamaPs.Running running = new OllamaClient(simulator.ollamaBaseUrl(), Duration.ofSeconds(1))
				.ps(Duration.ofSeconds(5));
			assertThat(running.models()).singleElement()
				.satisfies((model) -> assertThat(model.contextLength()).isEqualTo(OllamaWorkers.CONTEXT_LENGTH));

			CapacityReport loading = reports.await(
					(report) -> report.getModelsLoaded()
						.stream()
						.anyMatch((model) -> model.getModelId().equals(OllamaWorkers.MODEL) && model.getLoading()),
					WAIT);
			int loadingAt = reports.seen().indexOf(loading);
			CapacityReport ready = reports.await(loadingAt + 1,
					(report) -> report.getModelsLoaded()
						.stream()
						.anyMatch((model) -> model.getModelId().equals(OllamaWorkers.MODEL) && !model.getLoading()),
					WAIT);
			assertThat(ready.getModelsLoaded()).extracting(LoadedModel::getLoading).containsExactly(false);

			OllamaWorkers.send(producer, PREFIX, "after-warm-up");
			assertThat(results.await((result) -> result.getRequestId().equals("after-warm-up"), WAIT).getStatus())
				.isEqualTo(ResultStatus.OK);
		}
	}

}
