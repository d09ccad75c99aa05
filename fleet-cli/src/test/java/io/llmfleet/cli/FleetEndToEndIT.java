package io.llmfleet.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.simulator.LatencyModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole fleet as {@code fleet local} runs it: a real KRaft broker, the embedded
 * registry, classifier, dispatcher, Ollama and vLLM workers talking real HTTP to the
 * simulator.
 */
class FleetEndToEndIT {

	private static final FleetCatalog CATALOG = FleetConfiguration.defaults().catalog();

	private static final String REQUESTS = FleetConfiguration.defaults().topics().requests();

	private static final String DEAD_LETTER = FleetConfiguration.defaults().topics().deadLetter();

	/** Prompts the default classifier puts in each tier (the shipped model and rules). */
	private static final Map<String, String> PROMPT_BY_TIER = Map.of("fast", "What is the capital of country %d?",
			"code", "Write a Python function that returns %d squared.", "heavy",
			"Prove step by step that %d plus one is greater than %d.");

	@TempDir
	static Path dataDir;

	static LocalFleet fleet;

	static FleetClient client;

	@BeforeAll
	static void startFleet() {
		fleet = LocalFleet.start(LocalFleetSettings.isolated(dataDir)
			.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
			.withExtraArguments(List.of("--spring.main.register-shutdown-hook=false")), (line) -> {
			});
		client = FleetClient.connect(
				FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl()).withTimeout(Duration.ofMinutes(2)));
	}

	@AfterAll
	static void stopFleet() {
		if (client != null) {
			client.close();
		}
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	void everyRequestOfEveryTierComesBackOkFromAModelOfItsTier() throws Exception {
		List<String> tiers = CATALOG.tierNames();
		List<InferenceRequest> requests = new ArrayList<>();
		Map<String, String> expectedTier = new HashMap<>();
		Map<String, String> pinnedModel = new HashMap<>();
		for (int i = 0; i < 300; i++) {
			InferenceRequest.Builder request;
			String tier;
			if (i % 10 == 9) {
				// every catalogue model in turn, so each serves some whatever the
				// router's
				// choices for the unpinned
				FleetCatalog.Model model = CATALOG.models().get((i / 10) % CATALOG.models().size());
				request = FleetClient.request("Pinned request " + i).setModel(model.id());
				tier = model.tier();
				pinnedModel.put(request.getRequestId(), model.id());
			}
			else {
				tier = tiers.get(i % tiers.size());
				request = FleetClient.request(String.format(PROMPT_BY_TIER.get(tier), i, i));
			}
			expectedTier.put(request.getRequestId(), tier);
			requests.add(request.build());
		}

		List<CompletableFuture<InferenceResult>> futures = client.submitAll(requests);
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
		List<InferenceResult> results = futures.stream().map(CompletableFuture::join).toList();

		assertThat(results).extracting(InferenceResult::getRequestId)
			.containsExactlyElementsOf(requests.stream().map(InferenceRequest::getRequestId).toList())
			.doesNotHaveDuplicates();
		assertThat(results).allSatisfy((result) -> {
			assertThat(result.getStatus()).as("status of %s: %s", result.getRequestId(), result.getError())
				.isEqualTo(ResultStatus.OK);
			assertThat(result.getTier()).isEqualTo(expectedTier.get(result.getRequestId()));
			assertThat(CATALOG.model(result.getModelId())).get()
				.extracting(FleetCatalog.Model::tier)
				.isEqualTo(result.getTier());
			assertThat(result.getOutput()).isNotBlank();
			assertThat(result.getUsage().getCompletionTokens()).isPositive();
		});
		assertThat(results).filteredOn((result) -> pinnedModel.containsKey(result.getRequestId()))
			.hasSize(30)
			.allSatisfy((result) -> assertThat(result.getModelId()).isEqualTo(pinnedModel.get(result.getRequestId())));
		assertThat(results.stream().map(InferenceResult::getModelId).collect(Collectors.toSet()))
			.as("every catalogue model served some requests")
			.containsExactlyInAnyOrderElementsOf(CATALOG.modelIds());
	}

	@Test
	void anUnknownModelIsRejectedWithTheKnownOnes() throws Exception {
		InferenceResult result = client.submit(FleetClient.request("hello").setModel("gpt-5").build())
			.get(1, TimeUnit.MINUTES);

		assertThat(result.getStatus()).isEqualTo(ResultStatus.REJECTED);
		assertThat(result.getError().getMessage()).contains("gpt-5").contains(CATALOG.modelIds());
	}

	@Test
	void undecodableBytesDoNotStopTheClassifier() throws Exception {
		try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers()),
				new org.apache.kafka.common.serialization.StringSerializer(), new ByteArraySerializer())) {
			for (int partition = 0; partition < 3; partition++) {
				raw.send(new ProducerRecord<>(REQUESTS, partition, "garbage-" + partition, "not avro".getBytes()))
					.get();
			}
		}

		InferenceResult next = client.submit(FleetClient.request("What is the capital of Peru?").build())
			.get(1, TimeUnit.MINUTES);

		assertThat(next.getStatus()).isEqualTo(ResultStatus.OK);
		assertThat(poisonDeadLetters()).extracting(DeadLetter::getSourceTopic).contains(REQUESTS);
	}

	private static List<DeadLetter> poisonDeadLetters() {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "e2e-dead-letters", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", "schema.registry.url", fleet.registryUrl());
		List<DeadLetter> letters = new ArrayList<>();
		FleetAvroDeserializer<DeadLetter> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(properties, false);
		try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				deserializer)) {
			consumer.subscribe(Set.of(DEAD_LETTER));
			long until = System.currentTimeMillis() + 30_000;
			while (letters.stream().noneMatch((letter) -> letter.getErrorKind() == ErrorKind.POISON)
					&& System.currentTimeMillis() < until) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> letters.add(record.value()));
			}
		}
		return letters.stream().filter((letter) -> letter.getErrorKind() == ErrorKind.POISON).toList();
	}

}
