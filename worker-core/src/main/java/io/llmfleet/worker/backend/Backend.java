package io.llmfleet.worker.backend;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.llmfleet.core.catalog.FleetCatalog.Model;

/**
 * One inference backend (an Ollama or a vLLM server) as the worker runtime sees it.
 *
 * <p>
 * Lifecycle: the runtime calls {@link #checkReachable()} once at start-up, then, when
 * warm-up is on, {@link #warmUp} once per served model, then {@link #chat(BackendCall)}
 * from several threads at once and {@link #status} from the capacity reporter's thread
 * every status poll, then {@link #close()}. Implementations are thread-safe. A call
 * reports its outcome and nothing else: it never retries, loops, sleeps between attempts
 * or commits offsets; the runtime decides what happens next from the outcome's
 * {@link io.llmfleet.schemas.ErrorKind}.
 *
 * <p>
 * Interruption: a worker that stops with calls still running after its grace period
 * interrupts their threads. An interrupted call aborts its request, returns promptly with
 * any outcome and leaves the thread's interrupt status set; the runtime then drops the
 * outcome, writes nothing and leaves the record uncommitted, so another worker serves it.
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
	 * Makes a model ready to serve before its first request (Ollama loads it into GPU
	 * memory), within the backend's own load timeout. The capacity reports list the model
	 * as loading until this returns. By default there is nothing to load.
	 * @param model the served catalogue model
	 * @return empty when the model is ready, else why it is not
	 */
	default Optional<BackendOutcome.Failed> warmUp(Model model) {
		return Optional.empty();
	}

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
