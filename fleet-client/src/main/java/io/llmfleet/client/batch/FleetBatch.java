package io.llmfleet.client.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicFollower;
import io.llmfleet.schemas.BatchManifest;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;

/**
 * One batch job: many requests under one batch id, each request's id derived from the
 * batch id and the item's {@code custom_id} ({@link BatchIds#requestId}), its results on
 * the batch's own reply topic {@code <prefix>batch.<batch id>}, and a
 * {@link BatchManifest} on the compacted {@code <prefix>batches} topic that says where
 * and since when to look.
 *
 * <p>
 * {@link #open Opening} a batch fences any earlier submitter of it, then reads what the
 * topics already hold: the results on the reply topic, and the batch's requests on the
 * requests topic since the manifest's start. {@link #run} (attached) and {@link #submit}
 * (detached) then submit only the items that are in neither, so a batch resubmitted after
 * a crash never sends a request twice and never asks again for a result it has. Requests
 * go out in Kafka transactions: a submitter that dies leaves nothing half-visible.
 *
 * <pre>{@code
 * try (FleetBatch batch = FleetBatch.open(config, BatchOptions.of("nightly-0601").withMaxInFlight(500))) {
 *     batch.run(items, (result) -> out.write(result));
 * }
 * }</pre>
 *
 * Collect a detached batch later with {@link BatchSnapshot#read}. Not thread-safe: one
 * thread submits and receives; the callback runs on it.
 */
public final class FleetBatch implements AutoCloseable {

	private final FleetClientConfig config;

	private final BatchOptions options;

	private final BatchProducer producer;

	private final BatchRequests requests;

	private BatchManifest manifest;

	private final BatchReads.Replies replies;

	private final Map<String, InferenceRequest> submittedBefore;

	private FleetBatch(FleetClientConfig config, BatchOptions options) {
		this.config = config;
		this.options = options;
		this.requests = new BatchRequests(options.batchId(), config.timeout());
		String batchId = options.batchId();
		KafkaClients.ensureTopic(config, new NewTopic(config.batchesTopic(), Optional.of(1), Optional.empty())
			.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
		// Fence first: once this returns no earlier submitter can add a request.
		this.producer = new BatchProducer(config, batchId, options.commitEvery());
		try {
			this.manifest = BatchReads.manifest(config, batchId).orElse(null);
			if (this.manifest == null) {
				KafkaClients.ensureTopic(config, KafkaClients.withBrokerDefaults(config.batchReplyTopic(batchId)));
				this.manifest = BatchManifest.newBuilder()
					.setBatchId(batchId)
					.setReplyTo(config.batchReplyTopic(batchId))
					.setStartedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
					.setMetadata(options.metadata())
					.build();
				this.producer.write(this.manifest);
			}
			this.replies = BatchReads.replies(config, this.manifest.getReplyTo());
			this.submittedBefore = BatchReads.requests(config, this.manifest);
		}
		catch (RuntimeException ex) {
			this.producer.close();
			throw ex;
		}
	}

	/**
	 * Opens the batch {@code options.batchId()}: creates it, or resumes it where the
	 * topics say it stands.
	 */
	public static FleetBatch open(FleetClientConfig config, BatchOptions options) {
		return new FleetBatch(config, options);
	}

	/** The batch's manifest as it stands. */
	public BatchManifest manifest() {
		return this.manifest;
	}

	/** Results already on the reply topic when the batch was opened. */
	public int answeredAtOpen() {
		return this.replies.byRequestId().size();
	}

	/** The batch's requests already on the requests topic when it was opened. */
	public int submittedAtOpen() {
		return this.submittedBefore.size();
	}

	/**
	 * Submits the items not yet submitted, at most {@code maxInFlight} unanswered at a
	 * time, and hands every item's result to {@code onResult} as it arrives (results from
	 * an earlier run included), exactly once each; returns when every item has its result
	 * or its deadline (plus some grace) has passed.
	 */
	public BatchSummary run(Iterable<BatchItem> items, Consumer<BatchResult> onResult) {
		ResultWindow window = new ResultWindow(this.replies.byRequestId(), onResult);
		try (TopicFollower<InferenceResult> follower = new TopicFollower<>(
				KafkaClients.consumer(this.config, InferenceResult.class), this.replies.end(),
				(record) -> window.arrived(record.value()), "fleet-batch-" + this.options.batchId())) {
			int answered = 0;
			int pending = 0;
			int submitted = 0;
			Set<String> customIds = new HashSet<>();
			long sequence = 0;
			for (BatchItem item : items) {
				String id = this.requests.idOf(item, customIds);
				if (this.replies.byRequestId().containsKey(id)) {
					window.claim(id, item.customId(), sequence);
					answered++;
				}
				else if (this.submittedBefore.containsKey(id)) {
					if (!window.claim(id, item.customId(), sequence)) {
						window.expect(id, item.customId(), sequence,
								this.requests.deadlineOf(this.submittedBefore.get(id)));
					}
					pending++;
				}
				else {
					while (window.pending() >= this.options.maxInFlight()) {
						// The fleet reads committed only: commit before waiting on it.
						this.producer.commit();
						window.await(Duration.ofMillis(200));
					}
					InferenceRequest request = this.requests.prepare(item, id, sequence, this.manifest.getReplyTo());
					this.producer.send(request);
					window.expect(id, item.customId(), sequence, request.getDeadlineAt());
					submitted++;
				}
				sequence++;
			}
			finish((int) sequence);
			while (window.pending() > 0) {
				window.await(Duration.ofMillis(500));
			}
			return new BatchSummary((int) sequence, answered, pending, submitted, window.delivered(),
					window.withoutResult());
		}
	}

	/**
	 * Submits the items not yet submitted and returns once they are written, without
	 * waiting for results: collect them later with {@link BatchSnapshot#read}.
	 */
	public BatchSummary submit(Iterable<BatchItem> items) {
		int answered = 0;
		int pending = 0;
		int submitted = 0;
		Set<String> customIds = new HashSet<>();
		long sequence = 0;
		for (BatchItem item : items) {
			String id = this.requests.idOf(item, customIds);
			if (this.replies.byRequestId().containsKey(id)) {
				answered++;
			}
			else if (this.submittedBefore.containsKey(id)) {
				pending++;
			}
			else {
				this.producer.send(this.requests.prepare(item, id, sequence, this.manifest.getReplyTo()));
				submitted++;
			}
			sequence++;
		}
		finish((int) sequence);
		return new BatchSummary((int) sequence, answered, pending, submitted, 0, 0);
	}

	/** Commits the last requests and records the batch's size and end of submission. */
	private void finish(int total) {
		this.producer.commit();
		if (this.manifest.getTotal() != total || this.manifest.getSubmittedAt() == null) {
			this.manifest = BatchManifest.newBuilder(this.manifest)
				.setTotal(total)
				.setSubmittedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
				.build();
			this.producer.write(this.manifest);
		}
	}

	/** Closes the producer; requests not yet committed were not submitted. */
	@Override
	public void close() {
		this.producer.close();
	}

}
