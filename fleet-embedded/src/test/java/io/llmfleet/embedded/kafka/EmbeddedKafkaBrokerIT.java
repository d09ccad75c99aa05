package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaBrokerIT {

	private static final String ROUND_TRIP_TOPIC = "embedded.round-trip";

	private static final String TRANSACTIONAL_TOPIC = "embedded.transactional";

	private static final String COMPACTED_TOPIC = "embedded.compacted";

	private static final String DURABLE_TOPIC = "embedded.durable";

	@TempDir
	static Path dataDir;

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = EmbeddedKafkaBroker.start(dataDir.resolve("shared"), 0);
		broker.createTopics(List.of(new NewTopic(ROUND_TRIP_TOPIC, 2, (short) 1),
				new NewTopic(TRANSACTIONAL_TOPIC, 1, (short) 1), new NewTopic(COMPACTED_TOPIC, 1, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void bootstrapServersIsLoopbackWithTheBoundPort() {
		assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
	}

	@Test
	void producedRecordsAreConsumed() throws Exception {
		try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
			producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, "k1", "hello")).get();
			producer.send(new ProducerRecord<>(ROUND_TRIP_TOPIC, "k2", "world")).get();
		}
		assertThat(readAll(broker, ROUND_TRIP_TOPIC, Map.of())).contains("hello", "world");
	}

	@Test
	void committedTransactionIsSeenByReadCommittedConsumer() {
		try (KafkaProducer<String, String> producer = producer(broker,
				Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "embedded-tx-" + UUID.randomUUID()))) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TRANSACTIONAL_TOPIC, "k", "aborted"));
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TRANSACTIONAL_TOPIC, "k", "committed"));
			producer.commitTransaction();
		}
		assertThat(
				readAll(broker, TRANSACTIONAL_TOPIC, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")))
			.containsExactly("committed");
	}

	@Test
	void createTopicsAcceptsTopicsThatExist() throws Exception {
		broker.createTopics(
				List.of(new NewTopic(ROUND_TRIP_TOPIC, 2, (short) 1), new NewTopic("embedded.new", 1, (short) 1)));
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
			assertThat(admin.listTopics().names().get()).contains(ROUND_TRIP_TOPIC, "embedded.new", COMPACTED_TOPIC);
		}
	}

	@Test
	void restartOnTheSameDataDirKeepsTopicsAndRecords() {
		Path durableDir = dataDir.resolve("durable");
		try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(durableDir, 0)) {
			first.createTopics(List.of(new NewTopic(DURABLE_TOPIC, 1, (short) 1)));
			try (KafkaProducer<String, String> producer = producer(first, Map.of())) {
				producer.send(new ProducerRecord<>(DURABLE_TOPIC, "k", "kept across restarts"));
			}
		}
		try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(durableDir, 0)) {
			assertThat(readAll(second, DURABLE_TOPIC, Map.of())).containsExactly("kept across restarts");
		}
	}

	private static KafkaProducer<String, String> producer(EmbeddedKafkaBroker target, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				target.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0));
		config.putAll(extra);
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	/**
	 * Reads the topic from the beginning to its end offsets, without a consumer group.
	 */
	private static List<String> readAll(EmbeddedKafkaBroker target, String topic, Map<String, Object> extra) {
		Map<String, Object> config = new HashMap<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers()));
		config.putAll(extra);
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
					values.add(record.value());
				}
				return partitions.stream().allMatch((tp) -> consumer.position(tp) >= end.get(tp));
			});
		}
		return values;
	}

}
