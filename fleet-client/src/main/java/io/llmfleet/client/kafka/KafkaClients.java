package io.llmfleet.client.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;

/**
 * Creates the Kafka clients this library uses, all from one {@link FleetClientConfig}:
 * group-less read-committed consumers of one record type, producers that write Avro in
 * the Confluent wire format, and topics created on demand.
 */
public final class KafkaClients {

	private KafkaClients() {
	}

	/**
	 * A consumer outside any consumer group (the caller assigns partitions), reading only
	 * committed records of {@code type}; a record of another type or undecodable bytes
	 * fail as a {@link org.apache.kafka.common.errors.RecordDeserializationException}
	 * that {@link TopicScan} and {@link TopicFollower} skip.
	 */
	public static <V extends SpecificRecord> KafkaConsumer<String, V> consumer(FleetClientConfig config,
			Class<V> type) {
		Map<String, Object> properties = config.clientProperties();
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(FleetAvroDeserializer.VALUE_TYPE_CONFIG, type.getName());
		// Kafka configures only deserializers it creates itself; this one is created
		// here.
		FleetAvroDeserializer<V> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(properties, false);
		return new KafkaConsumer<>(properties, new StringDeserializer(), deserializer);
	}

	/**
	 * A producer with acks=all; {@code overrides} add to or replace its settings (a
	 * transactional id, linger).
	 */
	public static <V extends SpecificRecord> KafkaProducer<String, V> producer(FleetClientConfig config,
			Map<String, Object> overrides) {
		Map<String, Object> properties = config.clientProperties();
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		properties.putAll(overrides);
		FleetAvroSerializer<V> serializer = new FleetAvroSerializer<>();
		serializer.configure(properties, false);
		return new KafkaProducer<>(properties, new StringSerializer(), serializer);
	}

	/** An admin client of the cluster. */
	public static Admin admin(FleetClientConfig config) {
		Map<String, Object> properties = new HashMap<>(config.kafkaProperties());
		properties.put("bootstrap.servers", config.bootstrapServers());
		return Admin.create(properties);
	}

	/**
	 * Creates {@code topic} unless it exists (broker defaults for partitions and
	 * replication where it sets none).
	 */
	public static void ensureTopic(FleetClientConfig config, NewTopic topic) {
		try (Admin admin = admin(config)) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			if (!existing.contains(topic.name())) {
				admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new KafkaException("Cannot create topic " + topic.name() + ": " + ex.getCause(), ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted creating topic " + topic.name(), ex);
		}
		catch (Exception ex) {
			throw new KafkaException("Cannot reach Kafka at " + config.bootstrapServers() + ": " + ex, ex);
		}
	}

	/** A topic with the broker's default partitions and replication. */
	public static NewTopic withBrokerDefaults(String name) {
		return new NewTopic(name, Optional.empty(), Optional.empty());
	}

}
