package io.llmfleet.cli.top;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * The attempts finished in the last minute (or another span), by their
 * {@code finished_at}: per tier (attempts, OK, failed, expired) and per model (count,
 * median latency). Not thread-safe.
 */
final class OutcomeWindow {

	private final Duration span;

	private final Deque<RoutingOutcome> outcomes = new ArrayDeque<>();

	OutcomeWindow(Duration span) {
		this.span = span;
	}

	Duration span() {
		return this.span;
	}

	void add(RoutingOutcome outcome) {
		this.outcomes.addLast(outcome);
	}

	/** Forgets attempts older than the span before {@code now}. */
	void prune(Instant now) {
		Instant oldest = now.minus(this.span);
		this.outcomes.removeIf((outcome) -> outcome.getFinishedAt().isBefore(oldest));
	}

	/** Per tier, in tier-name order unless {@code order} names it. */
	List<TopFrame.Tier> tiers(List<String> order) {
		Map<String, int[]> counts = new TreeMap<>((a, b) -> {
			int ia = order.indexOf(a);
			int ib = order.indexOf(b);
			if (ia >= 0 && ib >= 0) {
				return Integer.compare(ia, ib);
			}
			return (ia >= 0) ? -1 : (ib >= 0) ? 1 : a.compareTo(b);
		});
		for (RoutingOutcome outcome : this.outcomes) {
			int[] tier = counts.computeIfAbsent(outcome.getTier(), (key) -> new int[4]);
			tier[0]++;
			if (outcome.getStatus() == ResultStatus.OK) {
				tier[1]++;
			}
			else if (outcome.getStatus() == ResultStatus.EXPIRED) {
				tier[3]++;
			}
			else {
				tier[2]++;
			}
		}
		List<TopFrame.Tier> rows = new ArrayList<>();
		counts.forEach((tier, c) -> rows.add(new TopFrame.Tier(tier, c[0], c[1], c[2], c[3])));
		return rows;
	}

	/** Attempts of {@code model} in the window. */
	int done(String model) {
		return (int) this.outcomes.stream().filter((outcome) -> model.equals(outcome.getModelId())).count();
	}

	/** The median end-to-end latency of {@code model}'s attempts; 0 when none. */
	long p50(String model) {
		List<Long> latencies = this.outcomes.stream()
			.filter((outcome) -> model.equals(outcome.getModelId()) && outcome.getTotalMs() != null)
			.map(RoutingOutcome::getTotalMs)
			.sorted()
			.toList();
		return io.llmfleet.cli.replay.Percentiles.of(latencies, 0.5);
	}

}
