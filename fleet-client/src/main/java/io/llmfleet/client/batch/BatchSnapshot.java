package io.llmfleet.client.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.schemas.BatchManifest;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;

/**
 * A batch as the topics hold it at one moment, read without joining or disturbing it: its
 * manifest, every request it submitted (with the {@code custom_id} each carries in its
 * metadata) and the result of each, if in. Reading it twice over the same topics gives
 * the same snapshot, in the batch input's order, so collecting a finished batch is
 * idempotent.
 *
 * @param manifest the batch's manifest
 * @param entries one per submitted request, in input order; then results whose request is
 * no longer on the requests topic (retention), without a {@code custom_id}
 */
public record BatchSnapshot(BatchManifest manifest, List<Entry> entries) {

	/** The label of a request without a result, in {@link #countsByStatus()}. */
	public static final String PENDING = "PENDING";

	public BatchSnapshot {
		entries = List.copyOf(entries);
	}

	/**
	 * One request of the batch.
	 *
	 * @param sequence its position in the batch input; {@code Long.MAX_VALUE} when
	 * unknown
	 * @param customId its {@code custom_id}; null when its request could not be read
	 * @param requestId its request id
	 * @param request the request as submitted; null when no longer on the topic
	 * @param result its result; null while pending
	 */
	public record Entry(long sequence, String customId, String requestId, InferenceRequest request,
			InferenceResult result) {
	}

	/**
	 * Reads batch {@code batchId}.
	 * @throws IllegalArgumentException when no manifest of that id exists
	 */
	public static BatchSnapshot read(FleetClientConfig config, String batchId) {
		BatchIds.requireValid(batchId);
		BatchManifest manifest = BatchReads.manifest(config, batchId)
			.orElseThrow(() -> new IllegalArgumentException("No batch '" + batchId + "' on " + config.batchesTopic()
					+ ": check the id that `fleet submit` printed, and the topic prefix"));
		// Results first: every result read then finds its request, which was written
		// before it.
		Map<String, InferenceResult> results = BatchReads.replies(config, manifest.getReplyTo()).byRequestId();
		Map<String, InferenceRequest> requests = BatchReads.requests(config, manifest);
		List<Entry> entries = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (InferenceRequest request : requests.values()) {
			Map<String, String> metadata = request.getMetadata();
			entries.add(new Entry(sequence(metadata.get(BatchIds.SEQUENCE)), metadata.get(BatchIds.CUSTOM_ID),
					request.getRequestId(), request, results.get(request.getRequestId())));
			seen.add(request.getRequestId());
		}
		results.forEach((id, result) -> {
			if (!seen.contains(id)) {
				entries.add(new Entry(Long.MAX_VALUE, null, id, null, result));
			}
		});
		entries.sort(Comparator.comparingLong(Entry::sequence).thenComparing(Entry::requestId));
		return new BatchSnapshot(manifest, entries);
	}

	/** Requests without a result yet. */
	public int pending() {
		return (int) this.entries.stream().filter((entry) -> entry.result() == null).count();
	}

	/** Requests submitted so far. */
	public int submitted() {
		return (int) this.entries.stream().filter((entry) -> entry.request() != null).count();
	}

	/** Whether submission finished and every request has its result. */
	public boolean complete() {
		return this.manifest.getSubmittedAt() != null && pending() == 0 && submitted() >= this.manifest.getTotal();
	}

	/** Results by status, and {@value #PENDING} for requests without one, sorted. */
	public Map<String, Integer> countsByStatus() {
		Map<String, Integer> counts = new TreeMap<>();
		for (Entry entry : this.entries) {
			String status = (entry.result() != null) ? entry.result().getStatus().name() : PENDING;
			counts.merge(status, 1, Integer::sum);
		}
		return counts;
	}

	/**
	 * Reads the batch until it is {@link #complete()} or {@code timeout} passes; returns
	 * the last snapshot either way.
	 */
	public static BatchSnapshot await(FleetClientConfig config, String batchId, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		BatchSnapshot snapshot = read(config, batchId);
		while (!snapshot.complete() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return snapshot;
			}
			snapshot = read(config, batchId);
		}
		return snapshot;
	}

	private static long sequence(String value) {
		try {
			return (value != null) ? Long.parseLong(value) : Long.MAX_VALUE;
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

}
