package io.llmfleet.client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.embedded.registry.EmbeddedSchemaRegistry;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.Timings;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against a real broker and registry, with the test playing the fleet: it
 * reads the requests the client wrote and answers on their {@code reply_to}.
 */
class FleetClientIT {

	private static final String REQUESTS = "fleet.requests";

	private static final String RESULTS = "fleet.results";

	@TempDir
	static Path dataDir;

	static EmbeddedKafkaBroker broker;

	static EmbeddedSchemaRegistry registry;

	@BeforeAll
	static void startKafka() {
		broker = EmbeddedKafkaBroker.start(dataDir, 0);
		broker.createTopics(List.of(new NewTopic(REQUESTS, 3, (short) 1), new NewTopic(RESULTS, 3, (short) 1)));
		registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
	}

	@AfterAll
	static void stopKafka() {
		registry.close();
		broker.close();
	}

	@Test
	void aResultDeliveredTwiceCompletesItsFutureOnce() throws Exception {
		try (FleetClient client = FleetClient.connect(config(RESULTS));
				KafkaProducer<String, InferenceResult> fleet = resultProducer()) {
			InferenceRequest request = FleetClient.request("hello").build();
			CompletableFuture<InferenceResult> future = client.submit(request);
			InferenceRequest sent = readRequests(List.of(request)).get(0);
			assertThat(sent.getReplyTo()).isEqualTo(RESULTS);
			assertThat(sent.getDeadlineAt()).isAfter(sent.getCreatedAt());

			fleet.send(new ProducerRecord<>(RESULTS, sent.getRequestId(), ok(sent, "first"))).get();
			fleet.send(new ProducerRecord<>(RESULTS, sent.getRequestId(), ok(sent, "second"))).get();

			assertThat(future.get(30, TimeUnit.SECONDS).getOutput()).isEqualTo("first");
			assertThat(client.pendingCount()).isZero();
		}
	}

	@Test
	void aPrivateReplyTopicIsCreatedAndItsResultsAreMatchedById() throws Exception {
		String replyTopic = "batch-42.results";
		try (FleetClient client = FleetClient.connect(config(replyTopic));
				KafkaProducer<String, InferenceResult> fleet = resultProducer()) {
			List<InferenceRequest> requests = List.of(FleetClient.request("a").build(),
					FleetClient.request("b").build());
			List<CompletableFuture<InferenceResult>> futures = client.submitAll(requests);
			List<InferenceRequest> sent = new java.util.ArrayList<>(readRequests(requests));
			java.util.Collections.reverse(sent);
			for (InferenceRequest request : sent) {
				assertThat(request.getReplyTo()).isEqualTo(replyTopic);
				fleet
					.send(new ProducerRecord<>(replyTopic, request.getRequestId(), ok(request, request.getRequestId())))
					.get();
			}

			for (CompletableFuture<InferenceResult> future : futures) {
				InferenceResult result = future.get(30, TimeUnit.SECONDS);
				assertThat(result.getOutput()).isEqualTo(result.getRequestId());
			}
		}
	}

	@Test
	void anUndecodableResultIsSkippedAndTheNextOneStillArrives() throws Exception {
		try (FleetClient client = FleetClient.connect(config(RESULTS));
				KafkaProducer<String, InferenceResult> fleet = resultProducer();
				KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
						new StringSerializer(), new ByteArraySerializer())) {
			InferenceRequest request = FleetClient.request("hello").build();
			CompletableFuture<InferenceResult> future = client.submit(request);
			InferenceRequest sent = readRequests(List.of(request)).get(0);
			for (int partition = 0; partition < 3; partition++) {
				raw.send(new ProducerRecord<>(RESULTS, partition, "junk", "not avro".getBytes())).get();
			}

			fleet.send(new ProducerRecord<>(RESULTS, sent.getRequestId(), ok(sent, "after junk"))).get();

			assertThat(future.get(30, TimeUnit.SECONDS).getOutput()).isEqualTo("after junk");
		}
	}

	private static FleetClientConfig config(String replyTopic) {
		return FleetClientConfig.of(broker.bootstrapServers(), registry.url())
			.withReplyTopic(replyTopic)
			.withTimeout(Duration.ofMinutes(1));
	}

	private static InferenceResult ok(InferenceRequest request, String output) {
		return InferenceResult.newBuilder()
			.setRequestId(request.getRequestId())
			.setStatus(ResultStatus.OK)
			.setOutput(output)
			.setTimings(Timings.newBuilder().build())
			.setCompletedAt(Instant.now())
			.build();
	}

	private static KafkaProducer<String, InferenceResult> resultProducer() {
		Map<String, Object> properties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				"schema.registry.url", registry.url());
		FleetAvroSerializer<InferenceResult> serializer = new FleetAvroSerializer<>();
		serializer.configure(properties, false);
		return new KafkaProducer<>(properties, new StringSerializer(), serializer);
	}

	/**
	 * The requests as the client wrote them to the requests topic, in the order given.
	 */
	private static List<InferenceRequest> readRequests(List<InferenceRequest> submitted) {
		Map<String, Object> properties = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "fleet-" + submitted.get(0).getRequestId(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", "schema.registry.url", registry.url()));
		FleetAvroDeserializer<InferenceRequest> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(properties, false);
		Map<String, InferenceRequest> byId = new HashMap<>();
		List<String> ids = submitted.stream().map(InferenceRequest::getRequestId).toList();
		try (KafkaConsumer<String, InferenceRequest> consumer = new KafkaConsumer<>(properties,
				new StringDeserializer(), deserializer)) {
			consumer.subscribe(Set.of(REQUESTS));
			long until = System.currentTimeMillis() + 30_000;
			while (!byId.keySet().containsAll(ids) && System.currentTimeMillis() < until) {
				for (ConsumerRecord<String, InferenceRequest> record : consumer.poll(Duration.ofMillis(200))) {
					byId.put(record.key(), record.value());
				}
			}
		}
		assertThat(byId).containsKeys(ids.toArray(String[]::new));
		return ids.stream().map(byId::get).toList();
	}

}
