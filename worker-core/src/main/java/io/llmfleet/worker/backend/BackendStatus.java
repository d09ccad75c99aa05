package io.llmfleet.worker.backend;

import java.util.List;

/**
 * What a backend says about its own load, for the worker's capacity reports. Every part
 * is optional: a backend reports what its API shows (Ollama: loaded models and their
 * VRAM; vLLM: served models, running and waiting requests, KV-cache usage).
 *
 * @param loaded the served catalogue models it has loaded; null when it does not say
 * @param otherVramBytes VRAM held by loaded models this worker does not serve (another
 * client's model in the same Ollama), 0 when none or unknown
 * @param running requests the backend is running now; null when unknown
 * @param waiting requests the backend has queued; null when unknown
 * @param kvCacheUsage KV-cache usage, 0..1; null when unknown
 * @param error why the status, or part of it, could not be read; null when it could
 */
public record BackendStatus(List<Loaded> loaded, long otherVramBytes, Integer running, Integer waiting,
		Double kvCacheUsage, String error) {

	/** A backend that reports nothing. */
	public static final BackendStatus UNREPORTED = new BackendStatus(null, 0, null, null, null, null);

	public BackendStatus {
		loaded = (loaded != null) ? List.copyOf(loaded) : null;
	}

	/**
	 * A status that could not be read at all.
	 * @param error why, naming backend and endpoint
	 * @return the status
	 */
	public static BackendStatus failed(String error) {
		return new BackendStatus(null, 0, null, null, null, error);
	}

	/**
	 * A model the backend has in memory.
	 *
	 * @param modelId the catalogue model id
	 * @param vramBytes VRAM it holds as the backend says; null when the backend does not
	 * say (the catalogue's figure is used then)
	 * @param loading true while it is still being loaded
	 */
	public record Loaded(String modelId, Long vramBytes, boolean loading) {
	}

}
