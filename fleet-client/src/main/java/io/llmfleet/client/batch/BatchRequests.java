package io.llmfleet.client.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.llmfleet.schemas.InferenceRequest;

/** Turns the items of one batch into its requests. */
final class BatchRequests {

	private final String batchId;

	private final Duration timeout;

	BatchRequests(String batchId, Duration timeout) {
		this.batchId = batchId;
		this.timeout = timeout;
	}

	/**
	 * The request id of {@code item}, after checking that its {@code custom_id} is not
	 * one of {@code seen} (to which it is added).
	 */
	String idOf(BatchItem item, Set<String> seen) {
		if (!seen.add(item.customId())) {
			throw new IllegalArgumentException("custom_id '" + item.customId() + "' appears twice in batch "
					+ this.batchId + "; each item needs its own");
		}
		return BatchIds.requestId(this.batchId, item.customId());
	}

	/**
	 * The request to submit for {@code item}: its id, the batch id, the batch's reply
	 * topic, the submission time, its deadline unless it has one, and its
	 * {@code custom_id} and position in its metadata.
	 */
	InferenceRequest prepare(BatchItem item, String id, long sequence, String replyTo) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, String> metadata = new HashMap<>(item.request().getMetadata());
		metadata.put(BatchIds.CUSTOM_ID, item.customId());
		metadata.put(BatchIds.SEQUENCE, Long.toString(sequence));
		// created_at is the submission time: every stage's latency is measured from it.
		InferenceRequest.Builder request = InferenceRequest.newBuilder(item.request())
			.setRequestId(id)
			.setBatchId(this.batchId)
			.setReplyTo(replyTo)
			.setCreatedAt(now)
			.setMetadata(metadata);
		if (item.request().getDeadlineAt() == null) {
			request.setDeadlineAt(now.plus(this.timeout));
		}
		return request.build();
	}

	/** When a submitted request stops being worth waiting for. */
	Instant deadlineOf(InferenceRequest request) {
		return (request.getDeadlineAt() != null) ? request.getDeadlineAt() : request.getCreatedAt().plus(this.timeout);
	}

}
