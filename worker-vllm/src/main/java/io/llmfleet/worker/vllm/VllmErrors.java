package io.llmfleet.worker.vllm;

import java.util.Locale;

import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.http.HttpFailures;

/**
 * Decides what kind of failure a vLLM call ended with, which decides what the runtime
 * does next: retry, or dead-letter for the dispatcher to re-route. All of vLLM's error
 * classification is in {@link #classify}; what the status or transport failure alone says
 * is shared with the other backends in {@link HttpFailures}.
 */
final class VllmErrors {

	private VllmErrors() {
	}

	/**
	 * Classifies one failed call. A 404 is "The model `x` does not exist.": PERMANENT,
	 * because this server cannot serve it.
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
		}
		return HttpFailures.classify(status, cause);
	}

}
