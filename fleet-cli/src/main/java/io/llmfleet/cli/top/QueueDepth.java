package io.llmfleet.cli.top;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.llmfleet.core.topic.FleetTopics;

/**
 * Each model's queue depth: the consumer lag of its workers' group
 * ({@code <prefix>workers.<model>}) on its topic ({@code <prefix>model.<model>}): the
 * records between the group's committed offset (the earliest offset where it has
 * committed none) and the end of each partition, counted by {@link PendingRecords}.
 * Models are found from the topics, so models outside the local catalogue show too.
 */
final class QueueDepth {

	private static final long TIMEOUT_SECONDS = 10;

	private QueueDepth() {
	}

	/** Lag per model id, by model id. */
	static Map<String, Long> read(Admin admin, FleetTopics topics, PendingRecords counter) throws Exception {
		String prefix = topics.model("");
		List<String> modelTopics = admin.listTopics()
			.names()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.stream()
			.filter((name) -> name.startsWith(prefix))
			.sorted()
			.toList();
		Map<String, Long> lags = new TreeMap<>();
		if (modelTopics.isEmpty()) {
			return lags;
		}
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		admin.describeTopics(modelTopics)
			.allTopicNames()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
			.forEach((name, description) -> description.partitions().forEach((partition) -> {
				TopicPartition tp = new TopicPartition(name, partition.partition());
				latest.put(tp, OffsetSpec.latest());
				earliest.put(tp, OffsetSpec.earliest());
			}));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest)
			.all()
			.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		for (String topic : modelTopics) {
			String model = topic.substring(prefix.length());
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(topics.workerGroup(model))
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, long[]> gaps = new HashMap<>();
			for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
				if (!end.getKey().topic().equals(topic)) {
					continue;
				}
				OffsetAndMetadata at = committed.get(end.getKey());
				long from = (at != null) ? at.offset() : starts.get(end.getKey()).offset();
				if (end.getValue().offset() > from) {
					gaps.put(end.getKey(), new long[] { from, end.getValue().offset() });
				}
			}
			lags.put(model, counter.count(gaps));
		}
		return lags;
	}

}
