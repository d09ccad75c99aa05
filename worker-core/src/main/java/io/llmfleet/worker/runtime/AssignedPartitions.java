package io.llmfleet.worker.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions one consumer holds, each with its {@link PartitionOffsets}, and their
 * commits: asynchronous while the worker runs, synchronous when partitions are revoked or
 * the worker stops. The set changes and commits run on the polling thread only; slot
 * threads finish records through the {@link PartitionOffsets} they were taken under, so a
 * record of a partition that moved away and back is never committed by the new
 * assignment.
 */
final class AssignedPartitions {

	private static final Logger logger = LoggerFactory.getLogger(AssignedPartitions.class);

	private final String workerId;

	private final Map<TopicPartition, PartitionOffsets> offsets = new ConcurrentHashMap<>();

	AssignedPartitions(String workerId) {
		this.workerId = workerId;
	}

	void assigned(Collection<TopicPartition> partitions) {
		partitions.forEach((partition) -> this.offsets.put(partition, new PartitionOffsets()));
	}

	/**
	 * The offsets of a partition held now.
	 * @param partition the partition
	 * @return its offsets, null when it is not held
	 */
	PartitionOffsets get(TopicPartition partition) {
		return this.offsets.get(partition);
	}

	/**
	 * Forgets a partition.
	 * @param partition the partition
	 * @return how many of its records still run
	 */
	int removed(TopicPartition partition) {
		PartitionOffsets removed = this.offsets.remove(partition);
		return (removed != null) ? removed.running() : 0;
	}

	Set<TopicPartition> all() {
		return Set.copyOf(this.offsets.keySet());
	}

	/**
	 * Sends what finished since the last commit, without waiting.
	 * @param consumer the consumer, on its polling thread
	 */
	void commitAsync(Consumer<?, ?> consumer) {
		Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
		this.offsets.forEach((partition, partitionOffsets) -> {
			long offset = partitionOffsets.nextAsyncCommit();
			if (offset != PartitionOffsets.NONE) {
				due.put(partition, new OffsetAndMetadata(offset));
			}
		});
		if (due.isEmpty()) {
			return;
		}
		consumer.commitAsync(due, (committed, failure) -> due.forEach((partition, offset) -> {
			PartitionOffsets partitionOffsets = this.offsets.get(partition);
			if (partitionOffsets == null) {
				return;
			}
			if (failure == null) {
				partitionOffsets.committed(offset.offset());
			}
			else {
				partitionOffsets.commitFailed(offset.offset());
				logger.debug("Worker {} could not commit {} at {}: {}; next: commit again", this.workerId, partition,
						offset.offset(), failure.toString());
			}
		}));
	}

	/**
	 * Commits what finished on some partitions and waits for the broker.
	 * @param consumer the consumer, on its polling thread
	 * @param partitions the partitions
	 */
	void commitSync(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
		for (TopicPartition partition : partitions) {
			PartitionOffsets partitionOffsets = this.offsets.get(partition);
			long offset = (partitionOffsets != null) ? partitionOffsets.nextSyncCommit() : PartitionOffsets.NONE;
			if (offset != PartitionOffsets.NONE) {
				due.put(partition, new OffsetAndMetadata(offset));
			}
		}
		if (due.isEmpty()) {
			return;
		}
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				consumer.commitSync(due);
				due.forEach((partition, offset) -> this.offsets.get(partition).committed(offset.offset()));
				return;
			}
			catch (WakeupException ex) {
				// a stop woke the consumer; the wake-up is used up, so commit again
			}
			catch (KafkaException ex) {
				logger.warn("Worker {} could not commit {}: {}; next: their records are read again by the next owner",
						this.workerId, due, ex.toString());
				return;
			}
		}
	}

}
