package io.llmfleet.worker.backend;

import java.time.Duration;
import java.util.List;

import io.llmfleet.core.catalog.FleetCatalog.Model;

/**
 * One inference backend (an Ollama or a vLLM server) as the worker runtime sees it.
 *
 * <p>
 * Lifecycle: the runtime calls {@link #checkReachable()} once at start-up, then
 * {@link #chat(BackendCall)} from several threads at once and {@link #status} from the
 * capacity reporter's thread every status poll, then {@link #close()}. Implementations
 * are thread-safe. A call reports its outcome and nothing else: it never retries, loops,
 * sleeps between attempts or commits offsets; the runtime decides what happens next from
 * the outcome's {@link io.llmfleet.schemas.ErrorKind}.
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

	/**
	 * What the backend says about its load now, for capacity reports. Never throws: a
	 * backend that cannot be asked answers {@link BackendStatus#failed}, and the report
	 * goes out without backend fields.
	 * @param served the catalogue models this worker serves, to map the backend's own
	 * model names back to catalogue ids
	 * @param timeout how long asking may take
	 * @return the status; {@link BackendStatus#UNREPORTED} by default
	 */
	default BackendStatus status(List<Model> served, Duration timeout) {
		return BackendStatus.UNREPORTED;
	}

	@Override
	default void close() {
	}

}
