package io.llmfleet.cli.top;

import java.time.Instant;
import java.util.List;

/**
 * One frame of {@code fleet top}.
 *
 * @param at when it was taken
 * @param workers every worker that reported in the last ten minutes, alive first
 * @param longDead workers whose last report is older than that
 * @param queues one row per model topic
 * @param tiers the last minute's attempts per tier
 * @param window the span the tier rows cover, in seconds
 */
public record TopFrame(Instant at, List<Worker> workers, int longDead, List<Queue> queues, List<Tier> tiers,
		long window) {

	/**
	 * A worker, from its last capacity report.
	 *
	 * @param id worker id
	 * @param host its host
	 * @param gpu GPU name (and index), or {@code -}
	 * @param vramUsedBytes VRAM in use
	 * @param vramFreeBytes VRAM free
	 * @param loaded models loaded, with their size
	 * @param inFlight calls in flight
	 * @param maxConcurrency most calls at once
	 * @param state alive, draining or dead
	 * @param source nvml or static
	 * @param ageMs since its last report
	 */
	public record Worker(String id, String host, String gpu, long vramUsedBytes, long vramFreeBytes,
			List<String> loaded, int inFlight, int maxConcurrency, String state, String source, long ageMs) {
	}

	/**
	 * A model's queue.
	 *
	 * @param model the model id
	 * @param tier its catalogue tier, or {@code ?}
	 * @param lag records on its topic its workers' group has not committed
	 * @param inFlight calls in flight on its alive workers
	 * @param slots their most calls at once
	 * @param done attempts finished in the window
	 * @param p50Ms median end-to-end latency of those, 0 when none
	 */
	public record Queue(String model, String tier, long lag, int inFlight, int slots, int done, long p50Ms) {
	}

	/**
	 * A tier's attempts in the window.
	 *
	 * @param tier the tier
	 * @param attempts finished attempts
	 * @param ok attempts that ended OK
	 * @param failed attempts that failed
	 * @param expired attempts that expired
	 */
	public record Tier(String tier, int attempts, int ok, int failed, int expired) {

		/** Share of attempts that did not end OK. */
		public double errorRate() {
			return (this.attempts == 0) ? 0 : (double) (this.attempts - this.ok) / this.attempts;
		}

	}

}
