package io.llmfleet.worker.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.awaitility.Awaitility;

import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.worker.it.SharedKafka.Kafka;

/**
 * Reads one topic from its beginning and keeps every record in order, so a test can wait
 * for the record it expects and look at the ones before and after it. Used from the test
 * thread only.
 *
 * @param <V> the record type
 */
public final class TopicReader<V extends SpecificRecord> implements AutoCloseable {

	private final KafkaConsumer<String, V> consumer;

	private final List<V> seen = new ArrayList<>();

	/**
	 * Subscribes to a topic, in a consumer group of its own.
	 * @param kafka the broker and registry
	 * @param topic the topic
	 */
	public TopicReader(Kafka kafka, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", "schema.registry.url", kafka.registryUrl());
		FleetAvroDeserializer<V> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(config, false);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
		this.consumer.subscribe(Set.of(topic));
	}

	/**
	 * Waits for a record that matches, polling the topic meanwhile.
	 * @param matching what the record must satisfy
	 * @param within how long to wait
	 * @return the first matching record
	 */
	public V await(Predicate<V> matching, Duration within) {
		return await(0, matching, within);
	}

	/**
	 * Waits for a record at or after a position that matches.
	 * @param from the position in {@link #seen()} to look from
	 * @param matching what the record must satisfy
	 * @param within how long to wait
	 * @return the first matching record
	 */
	public V await(int from, Predicate<V> matching, Duration within) {
		List<V> found = new ArrayList<>();
		Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20)).until(() -> {
			poll();
			for (int i = from; i < this.seen.size(); i++) {
				if (matching.test(this.seen.get(i))) {
					found.add(this.seen.get(i));
					return true;
				}
			}
			return false;
		});
		return found.get(0);
	}

	/**
	 * Every record read so far, in order.
	 * @return the records
	 */
	public List<V> seen() {
		poll();
		return List.copyOf(this.seen);
	}

	private void poll() {
		for (ConsumerRecord<String, V> record : this.consumer.poll(Duration.ofMillis(100))) {
			this.seen.add(record.value());
		}
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
