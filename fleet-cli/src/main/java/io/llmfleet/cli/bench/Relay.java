package io.llmfleet.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One hop of the raw chain, shaped like the fleet service it stands in for: a consumer
 * group of {@code threads} plain kafka-clients consumers (read committed, no auto commit)
 * that forward each record to the next topic and wait for the broker's acknowledgement,
 * then commit its offset on its own (the fleet's listeners run with ack-mode
 * {@code record}). Without transactions the threads share one producer, as a Spring
 * {@code KafkaTemplate} does, and commit with {@code commitSync}; with transactions each
 * thread has its own transactional producer and sends the offset in the record's
 * transaction, as Spring Kafka's transaction manager does.
 */
final class Relay implements AutoCloseable {

	/** The fleet's producer settings (fleet-defaults.yml): every hop waits for all. */
	static Map<String, Object> producerSettings(String bootstrapServers) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
	}

	private final String name;

	private final List<Worker> workers = new ArrayList<>();

	private final KafkaProducer<String, byte[]> shared;

	private final AtomicReference<String> failure = new AtomicReference<>();

	/**
	 * Starts the relay's threads.
	 * @param name the hop's name, also its consumer group's and client ids' stem
	 * @param bootstrapServers the broker
	 * @param from the topic read
	 * @param to the topic written
	 * @param threads consumers in the group
	 * @param maxPollRecords records per poll, or 0 for Kafka's default
	 * @param transactional whether each record's write and offset are one transaction
	 */
	Relay(String name, String bootstrapServers, String from, String to, int threads, int maxPollRecords,
			boolean transactional) {
		this.name = name;
		this.shared = transactional ? null : new KafkaProducer<>(producerSettings(bootstrapServers));
		for (int i = 0; i < threads; i++) {
			KafkaProducer<String, byte[]> producer = this.shared;
			if (transactional) {
				Map<String, Object> settings = new java.util.HashMap<>(producerSettings(bootstrapServers));
				settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name + "-tx-" + i);
				producer = new KafkaProducer<>(settings);
				producer.initTransactions();
			}
			this.workers.add(
					new Worker(consumer(bootstrapServers, name, i, maxPollRecords), producer, from, to, transactional));
		}
		this.workers.forEach((worker) -> worker.thread.start());
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers, String group, int index,
			int maxPollRecords) {
		Map<String, Object> settings = new java.util.HashMap<>();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		settings.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + index);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		if (maxPollRecords > 0) {
			settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
		}
		return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** Partitions currently assigned across the group's consumers. */
	int assignedPartitions() {
		return this.workers.stream().mapToInt((worker) -> worker.assigned).sum();
	}

	/** The first error a thread stopped on, or null. */
	String failure() {
		return this.failure.get();
	}

	@Override
	public void close() {
		this.workers.forEach(Worker::stop);
		for (Worker worker : this.workers) {
			try {
				worker.thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (worker.producer != this.shared) {
				worker.producer.close(Duration.ofSeconds(5));
			}
		}
		if (this.shared != null) {
			this.shared.close(Duration.ofSeconds(5));
		}
	}

	/** One consumer thread of the hop. */
	private final class Worker implements Runnable, ConsumerRebalanceListener {

		final KafkaConsumer<String, byte[]> consumer;

		final KafkaProducer<String, byte[]> producer;

		final String from;

		final String to;

		final boolean transactional;

		final Thread thread;

		volatile int assigned;

		volatile boolean running = true;

		Worker(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer, String from, String to,
				boolean transactional) {
			this.consumer = consumer;
			this.producer = producer;
			this.from = from;
			this.to = to;
			this.transactional = transactional;
			this.thread = new Thread(this, Relay.this.name + "-" + Relay.this.workers.size());
			this.thread.setDaemon(true);
		}

		@Override
		public void run() {
			try {
				this.consumer.subscribe(List.of(this.from), this);
				while (this.running) {
					for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofSeconds(1))) {
						forward(record);
					}
				}
			}
			catch (WakeupException ex) {
				// close() stops the thread.
			}
			catch (Exception ex) {
				if (this.running) {
					Relay.this.failure.compareAndSet(null, Relay.this.name + ": " + ex);
				}
			}
			finally {
				this.consumer.close(Duration.ofSeconds(5));
			}
		}

		private void forward(ConsumerRecord<String, byte[]> record) throws Exception {
			Map<TopicPartition, OffsetAndMetadata> offset = Map
				.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
			ProducerRecord<String, byte[]> next = new ProducerRecord<>(this.to, record.key(), record.value());
			if (this.transactional) {
				this.producer.beginTransaction();
				this.producer.send(next).get(30, TimeUnit.SECONDS);
				this.producer.sendOffsetsToTransaction(offset, this.consumer.groupMetadata());
				this.producer.commitTransaction();
			}
			else {
				this.producer.send(next).get(30, TimeUnit.SECONDS);
				this.consumer.commitSync(offset);
			}
		}

		void stop() {
			this.running = false;
			this.consumer.wakeup();
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			this.assigned = this.consumer.assignment().size();
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			// Called before the partitions leave the assignment.
			this.assigned = Math.max(0, this.consumer.assignment().size() - partitions.size());
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			this.assigned = 0;
		}

	}

}
