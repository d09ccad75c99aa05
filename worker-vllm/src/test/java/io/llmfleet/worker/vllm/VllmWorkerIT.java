package io.llmfleet.worker.vllm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.fault.ActiveFault;
import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vLLM worker application end to end: a real broker and registry, Avro on the wire,
 * the simulated vLLM over HTTP. A request is answered with usage and time to first token;
 * failures the worker cannot absorb become dead letters of their kind, transient ones are
 * retried first.
 */
@ExtendWith(SharedKafka.class)
class VllmWorkerIT {

	private static final String PREFIX = "vllm-worker.";

	private static final String MODEL = "qwen2.5-7b";

	private static final String BACKEND_MODEL = "Qwen/Qwen2.5-7B-Instruct";

	private static final int MAX_MODEL_LEN = 256;

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static Kafka kafka;

	private static BackendSimulator simulator;

	private static ConfigurableApplicationContext worker;

	private static KafkaProducer<String, RoutedRequest> producer;

	@BeforeAll
	static void startWorker(Kafka shared) {
		kafka = shared;
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withVllmModels(List.of(BACKEND_MODEL))
			.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
			.withDefaultMaxTokens(8)
			.withMaxModelLen(MAX_MODEL_LEN));
		worker = VllmWorkerApplication.builder()
			.run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
					"--spring.kafka.properties.schema.registry.url=" + kafka.registryUrl(),
					"--spring.main.banner-mode=off", "--spring.main.register-shutdown-hook=false",
					"--fleet.topics.prefix=" + PREFIX, "--fleet.topics.partitions=1",
					"--fleet.topics.model-partitions=1", "--fleet.catalog.tiers[0].name=code",
					"--fleet.catalog.models[0].id=" + MODEL, "--fleet.catalog.models[0].backend=vllm",
					"--fleet.catalog.models[0].backend-model=" + BACKEND_MODEL, "--fleet.catalog.models[0].tier=code",
					"--fleet.catalog.models[0].vram=16GB", "--fleet.catalog.models[0].context-length=" + MAX_MODEL_LEN,
					"--fleet.vllm.base-url=" + simulator.vllmBaseUrl(), "--fleet.worker.id=w-vllm",
					"--fleet.worker.warm-up=true", "--fleet.worker.gpu.nvml=false");
		producer = TestWorkers.producer(kafka);
	}

	@AfterEach
	void clearFaults() {
		simulator.vllmFaults().clear();
	}

	@AfterAll
	static void stopWorker() {
		producer.close();
		worker.close();
		simulator.close();
	}

	@Test
	void aServedRequestIsAnsweredWithUsageAndTimeToFirstToken() throws Exception {
		try (TopicReader<InferenceResult> results = new TopicReader<>(kafka, PREFIX + "results");
				TopicReader<RoutingOutcome> outcomes = new TopicReader<>(kafka, PREFIX + "outcomes")) {
			send("answered", "Why is the sky blue?");

			InferenceResult result = results.await((seen) -> seen.getRequestId().equals("answered"), WAIT);
			assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(result.getOutput()).startsWith("Simulated answer to");
			assertThat(result.getWorkerId()).isEqualTo("w-vllm");
			assertThat(result.getUsage().getPromptTokens()).isPositive();
			assertThat(result.getUsage().getCompletionTokens()).isEqualTo(8);
			assertThat(result.getTimings().getTimeToFirstTokenMs()).isNotNull();
			assertThat(outcomes.await((seen) -> seen.getRequestId().equals("answered"), WAIT).getStatus())
				.isEqualTo(ResultStatus.OK);
		}
	}

	@Test
	void aPromptBeyondTheContextWindowIsDeadLetteredAsContextLength() throws Exception {
		try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, PREFIX + "dead-letter")) {
			send("too-long", "word ".repeat(4 * MAX_MODEL_LEN));

			DeadLetter letter = deadLetters
				.await((seen) -> seen.getRouted().getRequest().getRequestId().equals("too-long"), WAIT);
			assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.CONTEXT_LENGTH);
			assertThat(letter.getReason()).contains("maximum context length is " + MAX_MODEL_LEN);
			assertThat(letter.getWorkerId()).isEqualTo("w-vllm");
		}
	}

	@Test
	void anEngineKilledByOutOfMemoryIsDeadLetteredAsCapacityWithoutARetry() throws Exception {
		simulator.vllmFaults().set(Fault.outOfMemory());
		try (TopicReader<DeadLetter> deadLetters = new TopicReader<>(kafka, PREFIX + "dead-letter")) {
			send("out-of-memory", "Why is the sky blue?");

			DeadLetter letter = deadLetters
				.await((seen) -> seen.getRouted().getRequest().getRequestId().equals("out-of-memory"), WAIT);
			assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(simulator.vllmFaults().list()).extracting(ActiveFault::calls).containsExactly(1L);
		}
	}

	@Test
	void transientFailuresAreRetriedAndTheRequestAnsweredOnce() throws Exception {
		simulator.vllmFaults().set(Fault.error(500).withTimes(2));
		try (TopicReader<InferenceResult> results = new TopicReader<>(kafka, PREFIX + "results")) {
			send("retried", "Why is the sky blue?");

			InferenceResult result = results.await((seen) -> seen.getRequestId().equals("retried"), WAIT);
			assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(simulator.vllmFaults().list()).extracting(ActiveFault::fired).containsExactly(2L);
		}
	}

	private static void send(String requestId, String prompt) throws Exception {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId(requestId)
			.setReplyTo(PREFIX + "results")
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(Instant.now())
			.build();
		RoutedRequest routed = RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(
					Classification.newBuilder().setTier("code").setConfidence(0.9).setClassifier("test@1").build())
			.setModelId(MODEL)
			.setTier("code")
			.setRoutedAt(Instant.now())
			.build();
		producer.send(new ProducerRecord<>(PREFIX + "model." + MODEL, requestId, routed)).get();
	}

}
