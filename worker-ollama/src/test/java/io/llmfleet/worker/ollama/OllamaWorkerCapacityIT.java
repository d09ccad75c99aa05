package io.llmfleet.worker.ollama;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.worker.capacity.FakeNvml;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Ollama worker application end to end: a real broker and registry, the simulated
 * Ollama over HTTP, and its GPU read through NVML from the fake {@code libnvidia-ml.so}.
 * A request it serves loads its model, which the next capacity report lists at once with
 * the VRAM Ollama reports, and leaves an OK outcome.
 */
@ExtendWith(SharedKafka.class)
class OllamaWorkerCapacityIT {

	private static final String PREFIX = "ollama-capacity.";

	private static final long GIB = 1L << 30;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Kafka kafka;

	private static BackendSimulator simulator;

	private static ConfigurableApplicationContext worker;

	@BeforeAll
	static void startWorker(Kafka shared) {
		kafka = shared;
		FakeNvml nvml = FakeNvml.install();
		nvml.setDevice(0, "Fake RTX 4090", 24 * GIB, 2 * GIB, 7);
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of("llama3.2:3b"))
			.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
			.withDefaultMaxTokens(8));
		worker = OllamaWorkerApplication.builder()
			.run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--spring.kafka.properties.schema.registry.url=" + kafka.registryUrl(),
					"--spring.main.banner-mode=off", "--spring.main.register-shutdown-hook=false",
					"--fleet.topics.prefix=" + PREFIX, "--fleet.topics.partitions=1",
					"--fleet.topics.model-partitions=1", "--fleet.catalog.tiers[0].name=fast",
					"--fleet.catalog.models[0].id=" + OllamaWorkers.MODEL, "--fleet.catalog.models[0].backend=ollama",
					"--fleet.catalog.models[0].backend-model=llama3.2:3b", "--fleet.catalog.models[0].tier=fast",
					"--fleet.catalog.models[0].vram=3GB", "--fleet.ollama.base-url=" + simulator.ollamaBaseUrl(),
					"--fleet.worker.id=w-ollama", "--fleet.worker.heartbeat=10m", "--fleet.worker.status-poll=100ms",
					"--fleet.worker.gpu.index=0", "--CUDA_VISIBLE_DEVICES=0");
	}

	@AfterAll
	static void stopWorker() {
		worker.close();
		simulator.close();
	}

	@Test
	void aServedRequestLoadsItsModelWhichTheNextReportListsWithOllamasVram() throws Exception {
		try (TopicReader<CapacityReport> reports = new TopicReader<>(kafka, PREFIX + "capacity");
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, PREFIX + "results");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, PREFIX + "outcomes");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka)) {
			CapacityReport first = reports.await((report) -> true, WAIT);
			assertThat(first.getSource()).isEqualTo(CapacitySource.NVML);
			assertThat(first.getGpuName()).isEqualTo("Fake RTX 4090");
			assertThat(first.getVramTotalBytes()).isEqualTo(24 * GIB);
			assertThat(first.getModelsLoaded()).isEmpty();

			OllamaWorkers.send(producer, PREFIX, "req-1");

			assertThat(results.await((result) -> result.getRequestId().equals("req-1"), WAIT).getStatus())
				.isEqualTo(ResultStatus.OK);
			CapacityReport loaded = reports.await(
					(report) -> report.getModelsLoaded()
						.stream()
						.anyMatch((model) -> model.getModelId().equals(OllamaWorkers.MODEL) && !model.getLoading()),
					WAIT);
			LoadedModel model = loaded.getModelsLoaded().get(0);
			assertThat(model.getVramBytes()).isPositive();
			RoutingOutcome outcome = outcomes.await((seen) -> seen.getRequestId().equals("req-1"), WAIT);
			assertThat(outcome.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(outcome.getWorkerId()).isEqualTo("w-ollama");
			assertThat(outcome.getCompletionTokens()).isEqualTo(8);
		}
	}

}
