package io.llmfleet.cli.bench;

import java.util.concurrent.CompletableFuture;

/**
 * Something requests are sent through and results come back from: the raw relay chain or
 * the fleet. Implementations are thread-safe.
 */
public interface BenchTarget {

	/** A short name for the report. */
	String name();

	/**
	 * Sends one request.
	 * @param sequence the request's number in its run, which picks its prompt or payload
	 * @return completes when its result arrives; exceptionally when the result is not a
	 * success or the request could not be sent
	 */
	CompletableFuture<Void> submit(long sequence);

	/**
	 * Results received again for a request already answered, since the target started.
	 * @return the count, or -1 when this target cannot tell
	 */
	default long duplicates() {
		return -1;
	}

}
