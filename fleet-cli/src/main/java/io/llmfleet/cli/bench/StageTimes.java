package io.llmfleet.cli.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.llmfleet.schemas.Timings;

/**
 * Where the fleet's time goes, from the timings each result carries (milliseconds, as the
 * services stamp them): classify is submission to classified (the first hop and the
 * classifier), dispatch is classified to routed (the second hop and the dispatcher),
 * queue is routed to the worker's start (the third hop and the worker taking it), backend
 * is the backend call, and the rest is the result's way back (the worker's writes, the
 * fourth hop and the client). Thread-safe.
 */
public final class StageTimes {

	/** The stages, in request order. */
	public static final List<String> STAGES = List.of("classify", "dispatch", "queue", "backend", "rest");

	private final Map<String, LongAdder> sums = new LinkedHashMap<>();

	private final LongAdder count = new LongAdder();

	public StageTimes() {
		STAGES.forEach((stage) -> this.sums.put(stage, new LongAdder()));
	}

	/**
	 * Adds one result's timings.
	 * @param timings what the result carries
	 * @param clientMs submission to result as the client measured it
	 */
	void add(Timings timings, long clientMs) {
		if (timings == null || timings.getClassifyMs() == null || timings.getDispatchMs() == null
				|| timings.getQueueMs() == null || timings.getBackendMs() == null) {
			return;
		}
		long stages = timings.getClassifyMs() + timings.getDispatchMs() + timings.getQueueMs() + timings.getBackendMs();
		this.sums.get("classify").add(timings.getClassifyMs());
		this.sums.get("dispatch").add(timings.getDispatchMs());
		this.sums.get("queue").add(timings.getQueueMs());
		this.sums.get("backend").add(timings.getBackendMs());
		this.sums.get("rest").add(Math.max(0, clientMs - stages));
		this.count.increment();
	}

	/** Results added. */
	public long count() {
		return this.count.sum();
	}

	/** The mean of each stage in milliseconds, in request order; empty with no result. */
	public Map<String, Double> means() {
		Map<String, Double> means = new LinkedHashMap<>();
		long results = count();
		if (results > 0) {
			this.sums.forEach((stage, sum) -> means.put(stage, (double) sum.sum() / results));
		}
		return means;
	}

}
