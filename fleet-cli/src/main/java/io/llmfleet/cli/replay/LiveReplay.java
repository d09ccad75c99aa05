package io.llmfleet.cli.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;

import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.client.FleetClient;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;

/**
 * Re-publishes recorded requests through a {@link FleetClient} (whose reply topic is
 * private to the run) with new ids, at a pace: their recorded inter-arrival times divided
 * by a speed-up, or a fixed rate. Each request keeps its messages, pin, tier hint,
 * options and tenant, and records the id it replays in its metadata
 * ({@value #REPLAY_OF}).
 */
public final class LiveReplay {

	/** Request metadata: the recorded request a replayed one repeats. */
	public static final String REPLAY_OF = "replay_of";

	private LiveReplay() {
	}

	/**
	 * The pace: exactly one of the two is set.
	 *
	 * @param speed recorded pace times this
	 * @param rate requests per second
	 */
	public record Pace(Double speed, Double rate) {

		public Pace {
			if ((speed == null) == (rate == null)) {
				throw new IllegalArgumentException("Give either --speed or --rate");
			}
			if ((speed != null && !(speed > 0)) || (rate != null && !(rate > 0))) {
				throw new IllegalArgumentException("--speed and --rate must be positive");
			}
		}

		/** When each request is due, in nanoseconds from the start. */
		long[] offsets(List<TrafficRecord> traffic) {
			long[] offsets = new long[traffic.size()];
			Instant first = traffic.isEmpty() ? Instant.EPOCH : traffic.get(0).request().getCreatedAt();
			for (int i = 0; i < offsets.length; i++) {
				offsets[i] = (this.rate != null) ? (long) (i * 1e9 / this.rate)
						: (long) (Duration.between(first, traffic.get(i).request().getCreatedAt()).toNanos()
								/ this.speed);
			}
			return offsets;
		}

	}

	/** Replays {@code traffic} (sorted by creation) and waits for every result. */
	public static ReplayStats run(FleetClient client, List<TrafficRecord> traffic, Pace pace, String runId) {
		List<TrafficRecord> ordered = new ArrayList<>(traffic);
		ordered.sort(Comparator.comparing((TrafficRecord record) -> record.request().getCreatedAt()));
		long[] offsets = pace.offsets(ordered);
		List<CompletableFuture<InferenceResult>> futures = new ArrayList<>();
		long[] latencies = new long[ordered.size()];
		long start = System.nanoTime();
		long lastSend = start;
		for (int i = 0; i < ordered.size(); i++) {
			long due = start + offsets[i];
			while (System.nanoTime() < due) {
				LockSupport.parkNanos(due - System.nanoTime());
			}
			long sentAt = System.nanoTime();
			int index = i;
			futures.add(client.submit(replayed(ordered.get(i).request(), runId))
				.whenComplete((result, failure) -> latencies[index] = (System.nanoTime() - sentAt) / 1_000_000));
			lastSend = sentAt;
		}
		double sendSeconds = (lastSend - start) / 1e9;
		List<ReplayStats.Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < futures.size(); i++) {
			try {
				InferenceResult result = futures.get(i).join();
				outcomes.add(new ReplayStats.Outcome(result.getStatus().name(), result.getTier(), latencies[i]));
			}
			catch (CompletionException ex) {
				outcomes.add(new ReplayStats.Outcome(null, null, -1));
			}
		}
		return ReplayStats.of(outcomes, sendSeconds, (pace.rate() != null) ? pace.rate()
				: (sendSeconds > 0 ? (ordered.size() - 1) / sendSeconds : Double.NaN));
	}

	private static InferenceRequest replayed(InferenceRequest recorded, String runId) {
		Map<String, String> metadata = new HashMap<>(recorded.getMetadata());
		metadata.put(REPLAY_OF, recorded.getRequestId());
		return InferenceRequest.newBuilder(recorded)
			.setRequestId(UUID.randomUUID().toString())
			.setBatchId(runId)
			.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			// The recorded deadline has passed: the client gives each its own.
			.setDeadlineAt(null)
			.setMetadata(metadata)
			.build();
	}

}
