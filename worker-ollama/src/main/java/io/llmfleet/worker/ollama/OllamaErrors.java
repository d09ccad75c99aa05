package io.llmfleet.worker.ollama;

import java.util.Locale;

import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.http.HttpFailures;

/**
 * Decides what kind of failure an Ollama call ended with, which decides what the runtime
 * does next: retry, or dead-letter for the dispatcher to re-route. All of Ollama's error
 * classification is in {@link #classify}; what the status or transport failure alone says
 * is shared with the other backends in {@link HttpFailures}.
 */
final class OllamaErrors {

	private OllamaErrors() {
	}

	/**
	 * Classifies one failed call. A 404 is "model ... not found, try pulling it first":
	 * PERMANENT, because this server cannot serve it. A model that does not fit ("model
	 * requires more system memory", a CUDA "out of memory", before or in the middle of a
	 * stream) and a full queue (503 "server busy") are CAPACITY; Ollama's own load
	 * timeout is TIMEOUT; the rest is left to {@link HttpFailures}.
	 * @param status the HTTP status Ollama answered with: 200 for an error line in the
	 * middle of a stream, 0 when no response came
	 * @param error Ollama's error text, may be null
	 * @param cause the transport failure, null when Ollama answered
	 * @return the kind of failure
	 */
	static ErrorKind classify(int status, String error, Throwable cause) {
		if (HttpFailures.backendAnswered(status, cause)) {
			String text = (error != null) ? error.toLowerCase(Locale.ROOT) : "";
			if (text.contains("out of memory") || text.contains("requires more system memory")) {
				// it does not fit next to the loaded models: another GPU may have room
				return ErrorKind.CAPACITY;
			}
			if (text.contains("timed out waiting for llama runner")) {
				// Ollama's own load timeout (OLLAMA_LOAD_TIMEOUT) ran out
				return ErrorKind.TIMEOUT;
			}
		}
		return HttpFailures.classify(status, cause);
	}

}
