package io.llmfleet.cli.traffic;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicScan;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * Reads recorded traffic from the fleet's topics: the requests written to the requests
 * topic in a time window (by record timestamp), joined with their classification on the
 * classified topic and their attempts on the outcomes topic, both read from the window's
 * start to their current end (a request's classification and outcomes come after it).
 */
public final class TrafficExport {

	private TrafficExport() {
	}

	/** The requests recorded in [{@code from}, {@code to}), joined. */
	public static List<TrafficRecord> read(FleetClientConfig config, FleetTopics topics, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("--from (" + from + ") must be before --to (" + to + ")");
		}
		TrafficJoin join = new TrafficJoin();
		try (KafkaConsumer<String, InferenceRequest> consumer = KafkaClients.consumer(config, InferenceRequest.class)) {
			TopicScan.read(consumer, TopicScan.since(consumer, topics.requests(), from), (record) -> {
				// Timestamps are the producers' clocks, not ordered within a partition.
				if (record.value() != null && record.timestamp() >= from.toEpochMilli()
						&& record.timestamp() < to.toEpochMilli()) {
					join.request(record.value());
				}
			});
		}
		try (KafkaConsumer<String, ClassifiedRequest> consumer = KafkaClients.consumer(config,
				ClassifiedRequest.class)) {
			TopicScan.read(consumer, TopicScan.since(consumer, topics.classified(), from), (record) -> {
				ClassifiedRequest classified = record.value();
				if (classified != null && join.knows(classified.getRequest().getRequestId())) {
					join.classification(classified.getRequest().getRequestId(), classified.getClassification());
				}
			});
		}
		try (KafkaConsumer<String, RoutingOutcome> consumer = KafkaClients.consumer(config, RoutingOutcome.class)) {
			TopicScan.read(consumer, TopicScan.since(consumer, topics.outcomes(), from), (record) -> {
				if (record.value() != null && join.knows(record.value().getRequestId())) {
					join.outcome(record.value());
				}
			});
		}
		return join.records();
	}

}
