package io.llmfleet.client.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.llmfleet.schemas.InferenceResult;

/**
 * The attached side of a batch run: which items wait for a result, the results that came
 * before their item was reached, and delivery of each item's result exactly once to the
 * caller's callback, on the caller's thread. Results are queued by the reply follower's
 * thread; everything else runs on the caller's.
 */
final class ResultWindow {

	/** How long past a request's deadline to wait for the fleet's EXPIRED answer. */
	static final Duration GRACE = Duration.ofSeconds(10);

	private static final long DEADLINE_CHECK_NANOS = Duration.ofSeconds(1).toNanos();

	private final BlockingQueue<InferenceResult> arrivals = new LinkedBlockingQueue<>();

	private final Map<String, Waiting> pending = new HashMap<>();

	private final Map<String, InferenceResult> unclaimed;

	private final Set<String> delivered = new HashSet<>();

	private final Consumer<BatchResult> onResult;

	private int withoutResult;

	private long lastDeadlineCheck = System.nanoTime();

	/**
	 * @param answered results already on the reply topic, by request id
	 * @param onResult the caller's callback
	 */
	ResultWindow(Map<String, InferenceResult> answered, Consumer<BatchResult> onResult) {
		this.unclaimed = new HashMap<>(answered);
		this.onResult = onResult;
	}

	/** Called on the follower's thread for every result read. */
	void arrived(InferenceResult result) {
		if (result != null) {
			this.arrivals.add(result);
		}
	}

	/** Delivers the item's result if it is already in. */
	boolean claim(String requestId, String customId, long sequence) {
		drain();
		InferenceResult result = this.unclaimed.remove(requestId);
		if (result == null) {
			return false;
		}
		deliver(new BatchResult(customId, sequence, requestId, result, null));
		return true;
	}

	/** Waits for the item's result until {@code deadline} and some grace. */
	void expect(String requestId, String customId, long sequence, Instant deadline) {
		this.pending.put(requestId, new Waiting(customId, sequence, deadline.plus(GRACE)));
	}

	/** Items that wait. */
	int pending() {
		return this.pending.size();
	}

	/** Results handed to the callback, with or without a result. */
	int delivered() {
		return this.delivered.size();
	}

	/** Items whose deadline passed without a result. */
	int withoutResult() {
		return this.withoutResult;
	}

	/** Waits up to {@code max} for a result, then delivers what came and what expired. */
	void await(Duration max) {
		try {
			InferenceResult first = this.arrivals.poll(max.toNanos(), TimeUnit.NANOSECONDS);
			if (first != null) {
				handle(first);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for batch results", ex);
		}
		drain();
		if (System.nanoTime() - this.lastDeadlineCheck > DEADLINE_CHECK_NANOS) {
			expireOverdue(Instant.now());
			this.lastDeadlineCheck = System.nanoTime();
		}
	}

	private void drain() {
		InferenceResult result;
		while ((result = this.arrivals.poll()) != null) {
			handle(result);
		}
	}

	private void handle(InferenceResult result) {
		String id = result.getRequestId();
		Waiting waiting = this.pending.remove(id);
		if (waiting != null) {
			deliver(new BatchResult(waiting.customId(), waiting.sequence(), id, result, null));
		}
		else if (!this.delivered.contains(id)) {
			// Its item has not been reached yet (or is not in this input): keep it.
			this.unclaimed.putIfAbsent(id, result);
		}
	}

	private void expireOverdue(Instant now) {
		for (Iterator<Map.Entry<String, Waiting>> it = this.pending.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, Waiting> entry = it.next();
			if (entry.getValue().giveUpAt().isBefore(now)) {
				it.remove();
				this.withoutResult++;
				deliver(new BatchResult(entry.getValue().customId(), entry.getValue().sequence(), entry.getKey(), null,
						"no result by " + entry.getValue().giveUpAt() + " (deadline plus " + GRACE.toSeconds()
								+ " s)"));
			}
		}
	}

	private void deliver(BatchResult result) {
		if (this.delivered.add(result.requestId())) {
			this.onResult.accept(result);
		}
	}

	private record Waiting(String customId, long sequence, Instant giveUpAt) {
	}

}
