package io.llmfleet.cli.top;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicScan;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.ModelSlots;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * The live state {@code fleet top} shows, kept up to date frame by frame: the compacted
 * capacity topic read from its beginning once and then followed, the outcomes topic from
 * one window ago and then followed, and the model queues' lag asked of the cluster each
 * frame. Not thread-safe.
 */
final class FleetView implements AutoCloseable {

	private final FleetTopics topics;

	private final FleetCatalog catalog;

	private final KafkaConsumer<String, CapacityReport> capacity;

	private final KafkaConsumer<String, RoutingOutcome> outcomes;

	private final Admin admin;

	private final KafkaConsumer<byte[], byte[]> raw;

	private final PendingRecords pending;

	private final Map<String, CapacityReport> reports = new HashMap<>();

	private final OutcomeWindow window;

	private Map<TopicPartition, Long> capacityAt;

	private Map<TopicPartition, Long> outcomesAt;

	FleetView(FleetClientConfig config, FleetTopics topics, FleetCatalog catalog, OutcomeWindow window) {
		this.topics = topics;
		this.catalog = catalog;
		this.window = window;
		this.capacity = KafkaClients.consumer(config, CapacityReport.class);
		this.outcomes = KafkaClients.consumer(config, RoutingOutcome.class);
		this.admin = KafkaClients.admin(config);
		Map<String, Object> properties = config.clientProperties();
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.raw = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.pending = new PendingRecords(this.raw);
		this.capacityAt = TopicScan.beginning(this.capacity, topics.capacity());
		this.outcomesAt = TopicScan.since(this.outcomes, topics.outcomes(), Instant.now().minus(window.span()));
	}

	/** Reads what is new and returns the frame. */
	TopFrame refresh() throws Exception {
		this.capacityAt = TopicScan.read(this.capacity, this.capacityAt, (record) -> {
			if (record.value() != null) {
				this.reports.put(record.key(), record.value());
			}
			else {
				// A tombstone: the worker was removed.
				this.reports.remove(record.key());
			}
		});
		this.outcomesAt = TopicScan.read(this.outcomes, this.outcomesAt, (record) -> {
			if (record.value() != null) {
				this.window.add(record.value());
			}
		});
		Instant now = Instant.now();
		this.window.prune(now);
		WorkerStates.Result workers = WorkerStates.of(this.reports.values(), now);
		List<TopFrame.Queue> queues = new ArrayList<>();
		QueueDepth.read(this.admin, this.topics, this.pending).forEach((model, lag) -> {
			int inFlight = 0;
			int slots = 0;
			for (CapacityReport report : this.reports.values()) {
				boolean alive = now.toEpochMilli() - report.getReportedAt().toEpochMilli() <= 3
						* report.getHeartbeatMs();
				for (ModelSlots slot : report.getSlots()) {
					if (alive && slot.getModelId().equals(model)) {
						inFlight += slot.getInFlight();
						slots += slot.getMaxInFlight();
					}
				}
			}
			String tier = this.catalog.model(model).map(FleetCatalog.Model::tier).orElse("?");
			queues.add(new TopFrame.Queue(model, tier, lag, inFlight, slots, this.window.done(model),
					this.window.p50(model)));
		});
		return new TopFrame(now, workers.rows(), workers.longDead(), queues,
				this.window.tiers(this.catalog.tierNames()), this.window.span().toSeconds());
	}

	@Override
	public void close() {
		this.capacity.close();
		this.outcomes.close();
		this.admin.close();
		this.raw.close();
	}

}
