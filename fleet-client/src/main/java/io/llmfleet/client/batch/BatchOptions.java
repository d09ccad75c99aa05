package io.llmfleet.client.batch;

import java.util.Map;

/**
 * How a batch is submitted.
 *
 * @param batchId the batch's id (topic-safe); submitting under an existing id resumes
 * that batch
 * @param maxInFlight attached runs: the most requests submitted and not yet answered
 * @param commitEvery requests per Kafka transaction at most; a transaction is also
 * committed before waiting for results and at least every 100 ms
 * @param metadata written into the batch's manifest (where the input came from, say)
 */
public record BatchOptions(String batchId, int maxInFlight, int commitEvery, Map<String, String> metadata) {

	public BatchOptions {
		BatchIds.requireValid(batchId);
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1 but was " + maxInFlight);
		}
		if (commitEvery < 1) {
			throw new IllegalArgumentException("commitEvery must be at least 1 but was " + commitEvery);
		}
		metadata = Map.copyOf(metadata);
	}

	/** 256 in flight, transactions of up to 200 requests, no metadata. */
	public static BatchOptions of(String batchId) {
		return new BatchOptions(batchId, 256, 200, Map.of());
	}

	public BatchOptions withMaxInFlight(int maxInFlight) {
		return new BatchOptions(this.batchId, maxInFlight, this.commitEvery, this.metadata);
	}

	public BatchOptions withCommitEvery(int commitEvery) {
		return new BatchOptions(this.batchId, this.maxInFlight, commitEvery, this.metadata);
	}

	public BatchOptions withMetadata(Map<String, String> metadata) {
		return new BatchOptions(this.batchId, this.maxInFlight, this.commitEvery, metadata);
	}

}
