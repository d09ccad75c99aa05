package io.llmfleet.core.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Every partition of one topic read by one thread, outside any consumer group, so each
 * instance of a service sees every record: the dispatcher's view of the compacted
 * capacity topic (read from the beginning, so it is rebuilt at start) and of the outcomes
 * stream (read from the end: only what happens from now on matters). Starting a feed from
 * the beginning blocks until it has caught up, so nothing is decided on a half-built
 * view; it starts before the listener containers for that reason.
 *
 * @param <V> the record value type
 */
public class TopicFeed<V> implements SmartLifecycle {

	/** Where a feed starts reading. */
	public enum From {

		/** Every record the topic still holds. */
		BEGINNING,

		/** Only records written after the feed starts. */
		END

	}

	private static final Logger logger = LoggerFactory.getLogger(TopicFeed.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private final ConsumerFactory<String, V> consumers;

	private final String topic;

	private final From from;

	private final Consumer<ConsumerRecord<String, V>> handler;

	private final Duration catchUpTimeout;

	private volatile org.apache.kafka.clients.consumer.Consumer<String, V> consumer;

	private volatile Thread thread;

	private volatile boolean running;

	/**
	 * @param consumers the service's consumer factory (its deserializers and broker)
	 * @param topic the topic to follow
	 * @param from where to start
	 * @param handler called on the feed's thread for every readable record; a value the
	 * deserializer could not read arrives as null
	 * @param catchUpTimeout how long {@link #start()} waits to catch up when reading from
	 * the beginning
	 */
	public TopicFeed(ConsumerFactory<String, V> consumers, String topic, From from,
			Consumer<ConsumerRecord<String, V>> handler, Duration catchUpTimeout) {
		this.consumers = consumers;
		this.topic = topic;
		this.from = from;
		this.handler = handler;
		this.catchUpTimeout = catchUpTimeout;
	}

	@Override
	public void start() {
		org.apache.kafka.clients.consumer.Consumer<String, V> created = this.consumers.createConsumer(null,
				"feed-" + this.topic, null);
		List<TopicPartition> partitions = created.partitionsFor(this.topic)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		created.assign(partitions);
		if (this.from == From.END) {
			created.seekToEnd(partitions);
			partitions.forEach(created::position);
		}
		else {
			created.seekToBeginning(partitions);
			catchUp(created, created.endOffsets(partitions));
		}
		this.consumer = created;
		this.running = true;
		this.thread = new Thread(this::follow, "feed-" + this.topic);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void catchUp(org.apache.kafka.clients.consumer.Consumer<String, V> created,
			Map<TopicPartition, Long> ends) {
		long deadline = System.nanoTime() + this.catchUpTimeout.toNanos();
		int records = 0;
		while (!caughtUp(created, ends)) {
			if (System.nanoTime() > deadline) {
				logger.warn("Feed of {} did not catch up within {} ({} records read); going on with what it has",
						this.topic, this.catchUpTimeout, records);
				return;
			}
			records += deliver(created.poll(POLL));
		}
		logger.info("Feed of {} caught up: {} records", this.topic, records);
	}

	private static boolean caughtUp(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

	private void follow() {
		try {
			while (this.running) {
				deliver(this.consumer.poll(POLL));
			}
		}
		catch (WakeupException ex) {
			// stop() woke the poll up: leave.
		}
		finally {
			this.consumer.close(Duration.ofSeconds(2));
		}
	}

	private int deliver(ConsumerRecords<String, V> records) {
		for (ConsumerRecord<String, V> record : records) {
			try {
				this.handler.accept(record);
			}
			catch (RuntimeException ex) {
				// One unusable record must not stop the feed: later ones supersede it.
				logger.warn("Feed of {} skipped record {} at {}-{}@{}: {}", this.topic, record.key(), record.topic(),
						record.partition(), record.offset(), ex.getMessage());
			}
		}
		return records.count();
	}

	@Override
	public void stop() {
		this.running = false;
		org.apache.kafka.clients.consumer.Consumer<String, V> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread follower = this.thread;
		if (follower != null) {
			try {
				follower.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers, which decide on what the feed has read. */
	@Override
	public int getPhase() {
		return 0;
	}

}
