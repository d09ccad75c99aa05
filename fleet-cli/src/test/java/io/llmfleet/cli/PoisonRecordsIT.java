package io.llmfleet.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.core.kafka.PoisonMetrics;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.PoisonCause;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;
import io.llmfleet.simulator.LatencyModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Poison written with raw producers to a running fleet (real broker, registry, services
 * and workers): every kind becomes a POISON dead letter carrying where it was read, its
 * key, its cause and its raw bytes, or a REJECTED result where it still holds a request,
 * and the consumer that met it serves the next valid record on the same partition.
 */
class PoisonRecordsIT {

	private static final FleetTopics TOPICS = FleetConfiguration.defaults().topics();

	private static final String REQUESTS = TOPICS.requests();

	/** An Ollama model, so the simulator-backed worker serves its topic. */
	private static final String MODEL = "llama3.2-3b";

	private static final String MODEL_TOPIC = TOPICS.model(MODEL);

	/**
	 * The fleet's deserializers refuse values above this (set below, for every service).
	 */
	private static final int MAX_RECORD_BYTES = 64 * 1024;

	private static final String REPLIES = "poison-it.results";

	@TempDir
	static Path dataDir;

	static LocalFleet fleet;

	static FleetClient client;

	static KafkaProducer<String, byte[]> raw;

	static FleetAvroSerializer<SpecificRecord> avro;

	static KafkaConsumer<String, DeadLetter> deadLetters;

	static KafkaConsumer<String, InferenceResult> replies;

	static final List<DeadLetter> deadLettersSeen = new ArrayList<>();

	static final List<InferenceResult> repliesSeen = new ArrayList<>();

	@BeforeAll
	static void startFleet() throws Exception {
		fleet = LocalFleet.start(
				LocalFleetSettings.isolated(dataDir)
					.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
					.withExtraArguments(
							List.of("--spring.main.register-shutdown-hook=false", "--spring.kafka.properties."
									+ FleetAvroDeserializer.MAX_RECORD_BYTES_CONFIG + "=" + MAX_RECORD_BYTES)),
				(line) -> {
				});
		client = FleetClient.connect(
				FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl()).withTimeout(Duration.ofMinutes(2)));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(REPLIES, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
		avro = new FleetAvroSerializer<>();
		avro.configure(Map.of("schema.registry.url", fleet.registryUrl()), false);
		deadLetters = consumer(TOPICS.deadLetter());
		replies = consumer(REPLIES);
	}

	@AfterAll
	static void stopFleet() {
		for (AutoCloseable closeable : new AutoCloseable[] { replies, deadLetters, raw, client, fleet }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// Keep closing the rest.
			}
		}
	}

	@Test
	void everyKindOfPoisonOnRequestsBecomesADeadLetterWithWhereKeyCauseAndRawBytes() throws Exception {
		int partition = 1;
		byte[] valid = avro.serialize(REQUESTS, request("valid-shape"));
		byte[] badMagic = valid.clone();
		badMagic[0] = 1;
		byte[] unknownId = concat(new byte[] { 0, 0x0f, 0x0f, 0x0f, 0x0f }, Arrays.copyOfRange(valid, 5, valid.length));
		byte[] truncated = Arrays.copyOf(valid, valid.length - 4);
		byte[] capacity = avro.serialize(TOPICS.capacity(), capacity());
		byte[] oversize = avro.serialize(REQUESTS, requestOfSize("big", 100 * 1024));
		Map<PoisonCause, byte[]> poison = Map.of(PoisonCause.NOT_WIRE_FORMAT, badMagic, PoisonCause.UNKNOWN_SCHEMA,
				unknownId, PoisonCause.UNDECODABLE, truncated, PoisonCause.WRONG_TYPE, capacity, PoisonCause.OVERSIZE,
				oversize);
		byte[] text = "not avro".getBytes(StandardCharsets.UTF_8);
		RecordMetadata undecodable = send(REQUESTS, partition, "poison-text", text);

		assertDeadLetter(undecodable, "poison-text", PoisonCause.NOT_WIRE_FORMAT, text);
		for (Map.Entry<PoisonCause, byte[]> kind : poison.entrySet()) {
			String key = "poison-" + kind.getKey().name().toLowerCase();
			RecordMetadata written = send(REQUESTS, partition, key, kind.getValue());
			assertDeadLetter(written, key, kind.getKey(), kind.getValue());
		}

		// Each service's registry (actuator's, added to the global one) counts by cause.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(poisonCount("wrong_type", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
			assertThat(poisonCount("oversize", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
			assertThat(poisonCount("not_wire_format", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(2);
		});

		InferenceRequest next = request("after-requests-poison");
		send(REQUESTS, partition, next.getRequestId(), avro.serialize(REQUESTS, next));
		assertThat(awaitReply(next.getRequestId()).getStatus()).isEqualTo(ResultStatus.OK);
		InferenceResult viaClient = client.submit(FleetClient.request("What is the capital of Peru?").build())
			.get(1, TimeUnit.MINUTES);
		assertThat(viaClient.getStatus()).isEqualTo(ResultStatus.OK);
	}

	@Test
	void aRoutedRequestWrittenToRequestsGetsARejectedResultOnItsReplyTopic() throws Exception {
		RoutedRequest routed = routed(request("misrouted"));

		RecordMetadata written = send(REQUESTS, 2, "misrouted", avro.serialize(MODEL_TOPIC, routed));

		InferenceResult result = awaitReply("misrouted");
		assertThat(result.getStatus()).isEqualTo(ResultStatus.REJECTED);
		assertThat(result.getError().getKind()).isEqualTo(ErrorKind.POISON);
		assertThat(result.getError().getMessage()).contains(REQUESTS + "-2@" + written.offset(), "WRONG_TYPE",
				"io.llmfleet.schemas.RoutedRequest");
	}

	@Test
	void poisonOnAModelTopicIsDeadLetteredOrRejectedAndTheWorkerServesTheNextRequest() throws Exception {
		int partition = 2;
		byte[] garbage = { 0, 0, 0, 0, 1, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f };
		byte[] capacity = avro.serialize(TOPICS.capacity(), capacity());
		byte[] oversize = avro.serialize(MODEL_TOPIC, routed(requestOfSize("big-routed", 80 * 1024)));

		assertDeadLetter(send(MODEL_TOPIC, partition, "m-garbage", garbage), "m-garbage", null, garbage);
		assertDeadLetter(send(MODEL_TOPIC, partition, "m-capacity", capacity), "m-capacity", PoisonCause.WRONG_TYPE,
				capacity);
		assertDeadLetter(send(MODEL_TOPIC, partition, "m-oversize", oversize), "m-oversize", PoisonCause.OVERSIZE,
				oversize);
		send(MODEL_TOPIC, partition, "m-request", avro.serialize(REQUESTS, request("m-request")));
		assertThat(awaitReply("m-request").getStatus()).isEqualTo(ResultStatus.REJECTED);

		RoutedRequest next = routed(request("after-model-poison"));
		send(MODEL_TOPIC, partition, "after-model-poison", avro.serialize(MODEL_TOPIC, next));
		InferenceResult served = awaitReply("after-model-poison");
		assertThat(served.getStatus()).isEqualTo(ResultStatus.OK);
		assertThat(served.getModelId()).isEqualTo(MODEL);
		// The dispatcher read every dead letter above: none came back as poison of its
		// own, which would loop.
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> {
			deadLetters.poll(Duration.ofMillis(200)).forEach((record) -> deadLettersSeen.add(record.value()));
			return deadLettersSeen.stream().noneMatch((letter) -> TOPICS.deadLetter().equals(letter.getSourceTopic()));
		});
	}

	/**
	 * Waits for the dead letter of the record at {@code written} and checks it; a null
	 * cause accepts any poison cause.
	 */
	private static void assertDeadLetter(RecordMetadata written, String key, PoisonCause cause, byte[] value) {
		DeadLetter letter = awaitFirst(deadLetters, deadLettersSeen,
				(candidate) -> written.topic().equals(candidate.getSourceTopic())
						&& candidate.getSourcePartition() == written.partition()
						&& candidate.getSourceOffset() == written.offset());
		assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.POISON);
		if (cause != null) {
			assertThat(letter.getPoisonCause()).as(letter.getReason()).isEqualTo(cause);
		}
		assertThat(letter.getSourceKey()).isEqualTo(key);
		assertThat(bytes(letter.getRawKey())).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
		// Values are kept whole up to half the deserializers' limit, so the dead letter
		// stays readable; an oversize one is cut there.
		assertThat(bytes(letter.getRawValue()))
			.isEqualTo(Arrays.copyOf(value, Math.min(value.length, MAX_RECORD_BYTES / 2)));
		assertThat(letter.getRawValueSize()).isEqualTo(value.length);
		assertThat(letter.getReason()).contains(written.topic() + "-" + written.partition() + "@" + written.offset());
	}

	private static double poisonCount(String cause, String topic, String outcome) {
		return Metrics.globalRegistry.getRegistries()
			.stream()
			.flatMap((registry) -> registry.find(PoisonMetrics.RECORDS)
				.tags("cause", cause, "topic", topic, "outcome", outcome)
				.counters()
				.stream())
			.mapToDouble(Counter::count)
			.sum();
	}

	private static InferenceResult awaitReply(String requestId) {
		return awaitFirst(replies, repliesSeen, (result) -> requestId.equals(result.getRequestId()));
	}

	private static <V> V awaitFirst(KafkaConsumer<String, V> consumer, List<V> seen, Predicate<V> wanted) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach((record) -> seen.add(record.value()));
			return seen.stream().filter(wanted).findFirst();
		}, Optional::isPresent).orElseThrow();
	}

	private static RecordMetadata send(String topic, int partition, String key, byte[] value) throws Exception {
		return raw.send(new ProducerRecord<>(topic, partition, key, value)).get(30, TimeUnit.SECONDS);
	}

	private static <V> KafkaConsumer<String, V> consumer(String topic) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "poison-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", "schema.registry.url", fleet.registryUrl());
		FleetAvroDeserializer<SpecificRecord> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(properties, false);
		@SuppressWarnings("unchecked")
		KafkaConsumer<String, V> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				(org.apache.kafka.common.serialization.Deserializer<V>) deserializer);
		consumer.subscribe(Set.of(topic));
		return consumer;
	}

	private static InferenceRequest request(String id) {
		return FleetClient.request("What is the capital of Peru?")
			.setRequestId(id)
			.setReplyTo(REPLIES)
			.setModel(MODEL)
			.build();
	}

	private static InferenceRequest requestOfSize(String id, int bytes) {
		InferenceRequest request = request(id);
		request.setMessages(List.of(new ChatMessage("user", "x".repeat(bytes))));
		return request;
	}

	private static RoutedRequest routed(InferenceRequest request) {
		Instant now = Instant.now();
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(Classification.newBuilder()
				.setTier("fast")
				.setConfidence(1.0)
				.setClassifier("poison-it@1")
				.setPinned(true)
				.build())
			.setModelId(MODEL)
			.setTier("fast")
			.setClassifiedAt(now)
			.setRoutedAt(now)
			.build();
	}

	private static CapacityReport capacity() {
		return CapacityReport.newBuilder()
			.setWorkerId("impostor")
			.setHost("nowhere")
			.setSource(CapacitySource.STATIC)
			.setReportedAt(Instant.now())
			.build();
	}

	private static byte[] bytes(ByteBuffer buffer) {
		if (buffer == null) {
			return null;
		}
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
