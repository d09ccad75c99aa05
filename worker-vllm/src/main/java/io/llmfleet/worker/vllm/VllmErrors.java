package io.llmfleet.worker.vllm;

import java.util.Locale;

import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.http.HttpFailures;
import io.llmfleet.worker.vllm.api.ErrorBodies;

/**
 * Decides what kind of failure a vLLM call ended with, which decides what the runtime
 * does next: retry, or dead-letter for the dispatcher to re-route. All of vLLM's error
 * classification is in {@link #classify}; what the status or transport failure alone says
 * is shared with the other backends in {@link HttpFailures}.
 */
final class VllmErrors {

	/** The start of vLLM's EngineDeadError message, lower case. */
	private static final String ENGINE_DEAD = "enginecore encountered an issue";

	private VllmErrors() {
	}

	/**
	 * Classifies one failed call. A 404 is "The model `x` does not exist.": PERMANENT,
	 * because this server cannot serve it. A prompt beyond the context window is
	 * CONTEXT_LENGTH; out of memory, and a 500 with an empty body (the engine died) are
	 * CAPACITY; the rest is left to {@link HttpFailures}.
	 * @param status the HTTP status vLLM answered with: for an error event in the middle
	 * of a stream the code it names, else 200; 0 when no response came
	 * @param error vLLM's error message, may be null
	 * @param cause the transport failure, null when vLLM answered
	 * @return the kind of failure
	 */
	static ErrorKind classify(int status, String error, Throwable cause) {
		if (HttpFailures.backendAnswered(status, cause)) {
			String text = (error != null) ? error.toLowerCase(Locale.ROOT) : "";
			if (text.contains("maximum context length") || text.contains("context_length_exceeded")) {
				// "This model's maximum context length is 8192 tokens. However, you
				// requested ..."
				return ErrorKind.CONTEXT_LENGTH;
			}
			if (text.contains("out of memory")) {
				return ErrorKind.CAPACITY;
			}
			if ((status == 500 && ErrorBodies.isEmpty(error)) || text.contains(ENGINE_DEAD)) {
				// vLLM's engine died (EngineDeadError), typically of a CUDA out of
				// memory:
				// its server answers a bare 500, or this message in a stream that was
				// running, and serves nothing more until restarted
				return ErrorKind.CAPACITY;
			}
		}
		return HttpFailures.classify(status, cause);
	}

}
