package io.llmfleet.worker.capacity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backend calls in flight per served model, each bounded by the same maximum. Request
 * threads take a slot around a backend call; the capacity reporter reads the counts and
 * is told when a model's slots become full or stop being full, so the dispatcher hears of
 * it at once rather than at the next heartbeat. Thread-safe and lock-free.
 */
public final class InFlightSlots {

	private final Map<String, AtomicInteger> inFlight = new LinkedHashMap<>();

	private final int maxInFlight;

	private volatile Runnable onFullChange = () -> {
	};

	/**
	 * Creates empty slots.
	 * @param modelIds the served catalogue model ids
	 * @param maxInFlight the most calls one model may have in flight
	 */
	public InFlightSlots(List<String> modelIds, int maxInFlight) {
		if (maxInFlight < 1) {
			throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
		}
		modelIds.forEach((id) -> this.inFlight.put(id, new AtomicInteger()));
		this.maxInFlight = maxInFlight;
	}

	/**
	 * Takes a slot of a model for one backend call; close it when the call is over.
	 * @param modelId a served model id
	 * @return the slot
	 * @throws IllegalArgumentException for a model that is not served
	 */
	public Slot acquire(String modelId) {
		AtomicInteger count = counter(modelId);
		if (count.incrementAndGet() == this.maxInFlight) {
			this.onFullChange.run();
		}
		return new Slot(count);
	}

	/**
	 * Calls in flight for one model.
	 * @param modelId a served model id
	 * @return the count
	 */
	public int inFlight(String modelId) {
		return counter(modelId).get();
	}

	/**
	 * Calls in flight for all models.
	 * @return the sum
	 */
	public int total() {
		return this.inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	/**
	 * The most calls one model may have in flight.
	 * @return the maximum
	 */
	public int maxInFlight() {
		return this.maxInFlight;
	}

	/**
	 * The models whose slots are all taken.
	 * @return their ids, sorted
	 */
	public Set<String> full() {
		Set<String> full = new TreeSet<>();
		this.inFlight.forEach((id, count) -> {
			if (count.get() >= this.maxInFlight) {
				full.add(id);
			}
		});
		return full;
	}

	/**
	 * Sets what runs, on the calling request thread, when a model's slots become full or
	 * stop being full. It must return quickly.
	 * @param listener the listener, replacing any earlier one
	 */
	public void onFullChange(Runnable listener) {
		this.onFullChange = listener;
	}

	private AtomicInteger counter(String modelId) {
		AtomicInteger count = this.inFlight.get(modelId);
		if (count == null) {
			throw new IllegalArgumentException(
					"Model " + modelId + " is not served; served: " + this.inFlight.keySet());
		}
		return count;
	}

	/** One call's slot; closing it again does nothing. */
	public final class Slot implements AutoCloseable {

		private final AtomicInteger count;

		private final AtomicInteger open = new AtomicInteger(1);

		private Slot(AtomicInteger count) {
			this.count = count;
		}

		@Override
		public void close() {
			if (this.open.getAndSet(0) == 1 && this.count.getAndDecrement() == InFlightSlots.this.maxInFlight) {
				InFlightSlots.this.onFullChange.run();
			}
		}

	}

}
