package io.llmfleet.client.batch;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicScan;
import io.llmfleet.schemas.BatchManifest;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;

/**
 * What the topics say about a batch: its manifest (the last one under its id on the
 * compacted batches topic), its requests (on the requests topic since the batch started)
 * and its results (its whole reply topic). Read committed only, so requests of a
 * submitter that was fenced or crashed inside a transaction are not counted.
 */
final class BatchReads {

	/**
	 * Requests are searched from a little before the manifest's start: the producer's
	 * record timestamps and the manifest's start come from the same clock, but a
	 * resubmission may run on another host whose clock differs.
	 */
	static final Duration START_MARGIN = Duration.ofMinutes(1);

	private BatchReads() {
	}

	/**
	 * The results on a batch's reply topic, the first per request id, and where the scan
	 * stopped.
	 *
	 * @param byRequestId the first result read for each request id
	 * @param end the offsets after the last record read
	 */
	record Replies(Map<String, InferenceResult> byRequestId, Map<TopicPartition, Long> end) {
	}

	static Optional<BatchManifest> manifest(FleetClientConfig config, String batchId) {
		Map<String, BatchManifest> latest = new HashMap<>();
		try (KafkaConsumer<String, BatchManifest> consumer = KafkaClients.consumer(config, BatchManifest.class)) {
			TopicScan.read(consumer, TopicScan.beginning(consumer, config.batchesTopic()), (record) -> {
				if (batchId.equals(record.key())) {
					// A later record supersedes: the manifest is updated at the end.
					latest.put(record.key(), record.value());
				}
			});
		}
		return Optional.ofNullable(latest.get(batchId));
	}

	/** The batch's requests by request id, in the order read. */
	static Map<String, InferenceRequest> requests(FleetClientConfig config, BatchManifest manifest) {
		Map<String, InferenceRequest> requests = new LinkedHashMap<>();
		try (KafkaConsumer<String, InferenceRequest> consumer = KafkaClients.consumer(config, InferenceRequest.class)) {
			var from = TopicScan.since(consumer, config.requestsTopic(), manifest.getStartedAt().minus(START_MARGIN));
			TopicScan.read(consumer, from, (record) -> {
				InferenceRequest request = record.value();
				if (request != null && manifest.getBatchId().equals(request.getBatchId())) {
					requests.putIfAbsent(request.getRequestId(), request);
				}
			});
		}
		return requests;
	}

	static Replies replies(FleetClientConfig config, String replyTopic) {
		Map<String, InferenceResult> results = new LinkedHashMap<>();
		try (KafkaConsumer<String, InferenceResult> consumer = KafkaClients.consumer(config, InferenceResult.class)) {
			var end = TopicScan.read(consumer, TopicScan.beginning(consumer, replyTopic), (record) -> {
				InferenceResult result = record.value();
				if (result != null) {
					// Workers are at least once: the first result of a request is the
					// one.
					results.putIfAbsent(result.getRequestId(), result);
				}
			});
			return new Replies(results, end);
		}
	}

}
