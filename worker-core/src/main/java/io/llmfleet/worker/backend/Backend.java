package io.llmfleet.worker.backend;

/**
 * One inference backend (an Ollama or a vLLM server) as the worker runtime sees it.
 *
 * <p>
 * Lifecycle: the runtime calls {@link #checkReachable()} once at start-up, then
 * {@link #chat(BackendCall)} from several threads at once, then {@link #close()}.
 * Implementations are thread-safe. A call reports its outcome and nothing else: it never
 * retries, loops, sleeps between attempts or commits offsets; the runtime decides what
 * happens next from the outcome's {@link io.llmfleet.schemas.ErrorKind}.
 */
public interface Backend extends AutoCloseable {

	/** The backend kind, as the catalogue's {@code backend} field names it. */
	String kind();

	/**
	 * Fails with a {@link BackendUnavailableException} when the backend does not answer,
	 * so a worker that cannot serve says so at start-up instead of dead-lettering every
	 * request.
	 */
	default void checkReachable() {
	}

	/** Runs one chat completion and reports how it ended. */
	BackendOutcome chat(BackendCall call);

	@Override
	default void close() {
	}

}
