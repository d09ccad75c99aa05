package io.llmfleet.worker.vllm;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import io.llmfleet.schemas.ErrorKind;

/**
 * Decides what kind of failure a vLLM call ended with, which decides what the runtime
 * does next: retry, or dead-letter for the dispatcher to re-route. All of vLLM's error
 * classification is in {@link #classify}.
 */
final class VllmErrors {

	private VllmErrors() {
	}

	/**
	 * Classifies one failed call.
	 * @param status the HTTP status vLLM answered with: for an error event in the middle
	 * of a stream the code it names, else 200; 0 when no response came
	 * @param error vLLM's error message, may be null
	 * @param cause the transport failure, null when vLLM answered
	 * @return the kind of failure
	 */
	static ErrorKind classify(int status, String error, Throwable cause) {
		if (cause instanceof HttpConnectTimeoutException) {
			// no connection at all: the server is down or unreachable, not slow
			return ErrorKind.TRANSIENT;
		}
		if (cause instanceof HttpTimeoutException) {
			return ErrorKind.TIMEOUT;
		}
		if (cause != null || status == 0) {
			// refused, reset or cut off mid-stream: the next attempt may well get through
			return ErrorKind.TRANSIENT;
		}
		String text = (error != null) ? error.toLowerCase(Locale.ROOT) : "";
		if (text.contains("maximum context length") || text.contains("context_length_exceeded")) {
			// "This model's maximum context length is 8192 tokens. However, you requested
			// ..."
			return ErrorKind.CONTEXT_LENGTH;
		}
		if (text.contains("out of memory")) {
			return ErrorKind.CAPACITY;
		}
		return switch (status) {
			case 429, 503 -> ErrorKind.CAPACITY;
			case 408, 504 -> ErrorKind.TIMEOUT;
			// 404 is "The model `x` does not exist.": this server cannot serve it
			default -> (status >= 400 && status < 500) ? ErrorKind.PERMANENT : ErrorKind.TRANSIENT;
		};
	}

}
