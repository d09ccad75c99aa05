package io.llmfleet.dispatcher.capacity;

/**
 * What the live workers serving one model can take now.
 *
 * @param liveWorkers live workers that serve the model and can host it (it is loaded
 * there, or fits their free VRAM)
 * @param slots calls those workers take at once for the model
 * @param inFlight calls running there, as last reported
 * @param withFreeSlot live hosting workers that reported a free slot
 * @param loaded whether a live worker has the model loaded (or loading)
 * @param note why no worker can take it, when none can
 * @param reported whether any worker ever reported serving the model: a model nobody
 * reports on (workers without capacity reporting, or not started yet) is unknown rather
 * than dead, and requests wait on its topic
 */
public record ModelCapacity(int liveWorkers, int slots, int inFlight, int withFreeSlot, boolean loaded, String note,
		boolean reported) {

	/** No worker has reported serving the model. */
	static ModelCapacity unknown() {
		return new ModelCapacity(0, 0, 0, 0, false, "no worker has reported serving it", false);
	}

	/** Workers report serving the model but none can take it; {@code note} says why. */
	static ModelCapacity none(String note) {
		return new ModelCapacity(0, 0, 0, 0, false, note, true);
	}

	/** Whether some live worker can host the model. */
	public boolean viable() {
		return this.liveWorkers > 0;
	}

	/** Whether some live worker can host it and has a slot free. */
	public boolean hasFreeSlot() {
		return this.withFreeSlot > 0;
	}

}
