package io.llmfleet.embedded.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's {@link SchemaLog} on a one-partition compacted Kafka topic: created when
 * missing, read from the beginning to its end on start, appended to with {@code acks=all}
 * and an idempotent producer, one synchronous send per fact. Its clients take extra
 * properties (a secured cluster's security settings).
 */
final class KafkaSchemaLog implements SchemaLog, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaSchemaLog.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final Map<String, Object> clientProperties;

	private final String topic;

	private final KafkaProducer<String, String> producer;

	/**
	 * A log whose Kafka clients also take the given properties (security settings,
	 * typically); the bootstrap servers and the settings the log relies on win.
	 */
	KafkaSchemaLog(String bootstrapServers, String topic, Map<String, ?> clientProperties) {
		Map<String, Object> common = new HashMap<>(clientProperties);
		common.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		this.clientProperties = Map.copyOf(common);
		this.topic = topic;
		this.producer = new KafkaProducer<>(
				with(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
						ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT.toMillis())),
				new StringSerializer(), new StringSerializer());
	}

	private Map<String, Object> with(Map<String, Object> settings) {
		Map<String, Object> all = new HashMap<>(this.clientProperties);
		all.putAll(settings);
		return all;
	}

	/** Creates the topic, compacted and with one partition so facts keep their order. */
	void ensureTopic() {
		NewTopic newTopic = new NewTopic(this.topic, Optional.of(1), Optional.empty())
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
		try (Admin admin = Admin.create(this.clientProperties)) {
			admin.createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			log.info("Created schema topic {}", this.topic);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicAuthorizationException && exists()) {
				// A principal without CREATE may still use a topic made for it
				// beforehand.
				return;
			}
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw RegistryException.storeFailed("creating topic " + this.topic, ex.getCause());
			}
		}
		catch (TimeoutException ex) {
			throw RegistryException.storeFailed("creating topic " + this.topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw RegistryException.storeFailed("creating topic " + this.topic, ex);
		}
	}

	private boolean exists() {
		try (Admin admin = Admin.create(this.clientProperties)) {
			admin.describeTopics(List.of(this.topic)).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw RegistryException.storeFailed("describing topic " + this.topic, ex);
		}
	}

	/**
	 * Reads every fact from the beginning to the end offset found when the read starts.
	 * @param sink receives the facts in topic order
	 * @return how many topic records were read
	 */
	long replay(Consumer<RegistryRecord> sink) {
		TopicPartition partition = new TopicPartition(this.topic, 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				with(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			long read = 0;
			while (consumer.position(partition, TIMEOUT) < end) {
				if (System.nanoTime() > deadline) {
					throw RegistryException.storeFailed("reading topic " + this.topic,
							new TimeoutException("stopped at offset " + consumer.position(partition) + " of " + end));
				}
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					RecordCodec.read(record.key(), record.value()).ifPresent(sink);
					read++;
				}
			}
			return read;
		}
	}

	@Override
	public void append(RegistryRecord record) {
		try {
			this.producer.send(new ProducerRecord<>(this.topic, 0, RecordCodec.key(record), RecordCodec.value(record)))
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw RegistryException.storeFailed("writing to topic " + this.topic, ex.getCause());
		}
		catch (TimeoutException | RuntimeException ex) {
			throw RegistryException.storeFailed("writing to topic " + this.topic, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw RegistryException.storeFailed("writing to topic " + this.topic, ex);
		}
	}

	@Override
	public void close() {
		this.producer.close(TIMEOUT);
	}

}
