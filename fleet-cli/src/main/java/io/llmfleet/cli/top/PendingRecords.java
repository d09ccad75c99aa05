package io.llmfleet.cli.top;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the records waiting in offset ranges. The dispatcher writes model topics in
 * transactions, and each commit leaves a marker that takes an offset but is no record: an
 * idle model would show a lag of one per partition if offsets were subtracted. So a small
 * range is read (committed records only, values not decoded) and its records counted; a
 * range wider than {@value #EXACT_UP_TO} offsets counts as its width, an upper bound that
 * is off by the markers in it.
 */
final class PendingRecords {

	static final long EXACT_UP_TO = 500;

	private static final Duration POLL = Duration.ofMillis(100);

	private static final long GIVE_UP_NANOS = Duration.ofSeconds(5).toNanos();

	private final KafkaConsumer<byte[], byte[]> consumer;

	/**
	 * @param consumer a read-committed consumer of raw bytes, owned by the caller
	 */
	PendingRecords(KafkaConsumer<byte[], byte[]> consumer) {
		this.consumer = consumer;
	}

	/** The records in each partition's [from, to), summed. */
	long count(Map<TopicPartition, long[]> ranges) {
		long total = 0;
		Map<TopicPartition, long[]> exact = new HashMap<>();
		for (Map.Entry<TopicPartition, long[]> range : ranges.entrySet()) {
			long width = range.getValue()[1] - range.getValue()[0];
			if (width > EXACT_UP_TO) {
				total += width;
			}
			else {
				exact.put(range.getKey(), range.getValue());
			}
		}
		if (exact.isEmpty()) {
			return total;
		}
		this.consumer.assign(exact.keySet());
		exact.forEach((partition, range) -> this.consumer.seek(partition, range[0]));
		long deadline = System.nanoTime() + GIVE_UP_NANOS;
		while (!done(exact) && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(POLL)) {
				long[] range = exact.get(new TopicPartition(record.topic(), record.partition()));
				if (record.offset() < range[1]) {
					total++;
				}
			}
		}
		return total;
	}

	private boolean done(Map<TopicPartition, long[]> ranges) {
		return ranges.entrySet()
			.stream()
			.allMatch((range) -> this.consumer.position(range.getKey()) >= range.getValue()[1]);
	}

}
