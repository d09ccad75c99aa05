package io.llmfleet.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;

/**
 * Reads the reply topic on its own thread, from its end at start-up, without a consumer
 * group (every client sees every partition), and hands each result to a callback. A
 * record it cannot decode is logged and skipped, never a stuck reader.
 */
final class ReplyReader implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReplyReader.class);

	private final KafkaConsumer<String, InferenceResult> consumer;

	private final Consumer<InferenceResult> onResult;

	private final Thread thread;

	private volatile boolean running = true;

	ReplyReader(FleetClientConfig config, Consumer<InferenceResult> onResult) {
		Map<String, Object> properties = new HashMap<>(config.kafkaProperties());
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put("schema.registry.url", config.schemaRegistryUrl());
		// Kafka configures only deserializers it creates itself; this one is created
		// here.
		FleetAvroDeserializer<InferenceResult> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(properties, false);
		this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), deserializer);
		this.onResult = onResult;
		List<TopicPartition> partitions = this.consumer.partitionsFor(config.replyTopic())
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// Resolve the end offsets now, so no result written after this constructor is
		// missed.
		partitions.forEach(this.consumer::position);
		this.thread = new Thread(this::run, "fleet-client-replies-" + config.replyTopic());
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		try {
			while (this.running) {
				try {
					for (ConsumerRecord<String, InferenceResult> record : this.consumer.poll(Duration.ofMillis(500))) {
						this.onResult.accept(record.value());
					}
				}
				catch (RecordDeserializationException ex) {
					logger.warn("Skipping undecodable result at {}@{}: {}", ex.topicPartition(), ex.offset(),
							ex.getMessage());
					this.consumer.seek(ex.topicPartition(), ex.offset() + 1);
				}
			}
		}
		catch (WakeupException ex) {
			// close() woke the reader up to stop it.
		}
		finally {
			this.consumer.close();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
