package io.llmfleet.worker.ollama;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

import io.llmfleet.schemas.ErrorKind;

/**
 * Decides what kind of failure an Ollama call ended with, which decides what the runtime
 * does next: retry, or dead-letter for the dispatcher to re-route. All of Ollama's error
 * classification is in {@link #classify}.
 */
final class OllamaErrors {

	private OllamaErrors() {
	}

	/**
	 * Classifies one failed call.
	 * @param status the HTTP status Ollama answered with: 200 for an error line in the
	 * middle of a stream, 0 when no response came
	 * @param error Ollama's error text, may be null
	 * @param cause the transport failure, null when Ollama answered
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
		if (text.contains("out of memory") || text.contains("requires more system memory")) {
			// the model does not fit next to what is loaded: another GPU may have room
			return ErrorKind.CAPACITY;
		}
		return switch (status) {
			case 429, 503 -> ErrorKind.CAPACITY;
			case 408, 504 -> ErrorKind.TIMEOUT;
			// 404 is "model ... not found, try pulling it first": this server cannot
			// serve it
			default -> (status >= 400 && status < 500) ? ErrorKind.PERMANENT : ErrorKind.TRANSIENT;
		};
	}

}
