package io.llmfleet.worker.capacity;

import java.util.Set;
import java.util.TreeSet;

/**
 * The served models this worker is loading on purpose now (warm-up at start-up), which
 * its capacity reports list as {@code loading} until they are ready, whatever the backend
 * lists meanwhile: Ollama lists a model in {@code /api/ps} from the moment its load
 * starts. The capacity reporter is told of every change, so the dispatcher hears at once
 * when a model starts and stops loading. Thread-safe.
 */
public final class LoadingModels {

	private final Set<String> loading = new TreeSet<>();

	private volatile Runnable onChange = () -> {
	};

	/**
	 * A model starts loading.
	 * @param modelId the served catalogue model id
	 */
	public void started(String modelId) {
		boolean added;
		synchronized (this.loading) {
			added = this.loading.add(modelId);
		}
		if (added) {
			this.onChange.run();
		}
	}

	/**
	 * A model is ready, or its load failed.
	 * @param modelId the served catalogue model id
	 */
	public void finished(String modelId) {
		boolean removed;
		synchronized (this.loading) {
			removed = this.loading.remove(modelId);
		}
		if (removed) {
			this.onChange.run();
		}
	}

	/**
	 * The models loading now.
	 * @return their ids, sorted
	 */
	public Set<String> ids() {
		synchronized (this.loading) {
			return Set.copyOf(this.loading);
		}
	}

	/**
	 * Sets what runs, on the thread that changed the set, when a model starts or stops
	 * loading. It must return quickly.
	 * @param listener the listener, replacing any earlier one
	 */
	public void onChange(Runnable listener) {
		this.onChange = listener;
	}

}
