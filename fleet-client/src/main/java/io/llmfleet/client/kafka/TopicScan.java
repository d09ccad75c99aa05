package io.llmfleet.client.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded read of one topic: from given offsets up to the end offsets as they stand
 * when the scan starts (the last stable offsets, for a read-committed consumer), every
 * record handed to a callback on the caller's thread. A record that cannot be decoded is
 * logged and skipped. The consumer is the caller's, and is left positioned at the end.
 */
public final class TopicScan {

	private static final Logger logger = LoggerFactory.getLogger(TopicScan.class);

	/** How long a scan may go without reading anything before it gives up. */
	private static final Duration STALL = Duration.ofSeconds(60);

	/** How long a topic that does not show in the metadata yet is waited for. */
	private static final Duration NEW_TOPIC_GRACE = Duration.ofSeconds(3);

	private TopicScan() {
	}

	/** Every partition of {@code topic}; a missing topic is an error that names it. */
	public static List<TopicPartition> partitions(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			String topic) {
		long deadline = System.nanoTime() + NEW_TOPIC_GRACE.toNanos();
		var infos = consumer.partitionsFor(topic);
		// A topic created a moment ago may not be in every broker's metadata yet.
		while ((infos == null || infos.isEmpty()) && System.nanoTime() < deadline) {
			sleep();
			infos = consumer.partitionsFor(topic);
		}
		if (infos == null || infos.isEmpty()) {
			throw new KafkaException("Topic " + topic + " does not exist (is the fleet's --topic-prefix right?)");
		}
		return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted waiting for topic metadata", ex);
		}
	}

	/** The first offset of every partition of {@code topic}. */
	public static Map<TopicPartition, Long> beginning(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			String topic) {
		return new HashMap<>(consumer.beginningOffsets(assigned(consumer, topic)));
	}

	/**
	 * The first offset of every partition of {@code topic} whose record timestamp is at
	 * or after {@code time}; the end offset where there is none.
	 */
	public static Map<TopicPartition, Long> since(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			String topic, Instant time) {
		List<TopicPartition> partitions = assigned(consumer, topic);
		Map<TopicPartition, Long> query = new HashMap<>();
		partitions.forEach((partition) -> query.put(partition, Math.max(0, time.toEpochMilli())));
		Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		Map<TopicPartition, Long> offsets = new HashMap<>();
		for (TopicPartition partition : partitions) {
			OffsetAndTimestamp at = found.get(partition);
			offsets.put(partition, (at != null) ? at.offset() : ends.get(partition));
		}
		return offsets;
	}

	/**
	 * Assigns every partition of {@code topic}: a read-committed consumer asked for
	 * offsets of partitions it is not assigned warns that it cannot track their stable
	 * offset.
	 */
	private static List<TopicPartition> assigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			String topic) {
		List<TopicPartition> partitions = partitions(consumer, topic);
		consumer.assign(partitions);
		return partitions;
	}

	/**
	 * Reads from {@code from} up to the current end of each partition.
	 * @return the offsets where the scan stopped: a follower can go on from there
	 */
	public static <V> Map<TopicPartition, Long> read(org.apache.kafka.clients.consumer.Consumer<String, V> consumer,
			Map<TopicPartition, Long> from, Consumer<ConsumerRecord<String, V>> handler) {
		consumer.assign(from.keySet());
		from.forEach(consumer::seek);
		Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet());
		long lastProgress = System.nanoTime();
		while (!caughtUp(consumer, ends)) {
			try {
				var records = consumer.poll(Duration.ofMillis(200));
				for (ConsumerRecord<String, V> record : records) {
					handler.accept(record);
				}
				if (!records.isEmpty()) {
					lastProgress = System.nanoTime();
				}
			}
			catch (RecordDeserializationException ex) {
				skip(consumer, ex);
				lastProgress = System.nanoTime();
			}
			if (System.nanoTime() - lastProgress > STALL.toNanos()) {
				throw new KafkaException("Reading " + from.keySet() + " made no progress for " + STALL
						+ "; stopped short of the end offsets " + ends);
			}
		}
		Map<TopicPartition, Long> positions = new HashMap<>();
		from.keySet().forEach((partition) -> positions.put(partition, consumer.position(partition)));
		return positions;
	}

	/** Logs an undecodable record and moves past it. */
	static void skip(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, RecordDeserializationException ex) {
		logger.warn("Skipping undecodable record at {}@{}: {}", ex.topicPartition(), ex.offset(), ex.getMessage());
		consumer.seek(ex.topicPartition(), ex.offset() + 1);
	}

	private static boolean caughtUp(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
			Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
	}

}
