package io.llmfleet.client.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows partitions on a thread of its own, from given offsets or from their end,
 * without a consumer group (every follower sees every partition), and hands each record
 * to a callback on that thread. A record it cannot decode is logged and skipped, never a
 * stuck reader. Closing it closes the consumer.
 *
 * @param <V> the record value type
 */
public final class TopicFollower<V> implements AutoCloseable {

	private final KafkaConsumer<String, V> consumer;

	private final Consumer<ConsumerRecord<String, V>> handler;

	private final Thread thread;

	private volatile boolean running = true;

	/**
	 * Starts following; returns once the start offsets are resolved, so nothing written
	 * after this constructor is missed.
	 * @param consumer the consumer, owned by the follower from now on
	 * @param from where to start in each partition
	 * @param handler called on the follower's thread for every record
	 * @param name the thread's name
	 */
	public TopicFollower(KafkaConsumer<String, V> consumer, Map<TopicPartition, Long> from,
			Consumer<ConsumerRecord<String, V>> handler, String name) {
		this.consumer = consumer;
		this.handler = handler;
		consumer.assign(from.keySet());
		from.forEach(consumer::seek);
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Follows every partition of {@code topic} from its end. */
	public static <V> TopicFollower<V> fromEnd(KafkaConsumer<String, V> consumer, String topic,
			Consumer<ConsumerRecord<String, V>> handler, String name) {
		var partitions = TopicScan.partitions(consumer, topic);
		consumer.assign(partitions);
		// Resolve the end offsets now, so no record written after this call is missed.
		return new TopicFollower<>(consumer, consumer.endOffsets(partitions), handler, name);
	}

	private void run() {
		try {
			while (this.running) {
				try {
					for (ConsumerRecord<String, V> record : this.consumer.poll(Duration.ofMillis(500))) {
						this.handler.accept(record);
					}
				}
				catch (RecordDeserializationException ex) {
					TopicScan.skip(this.consumer, ex);
				}
			}
		}
		catch (WakeupException ex) {
			// close() woke the follower up to stop it.
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
