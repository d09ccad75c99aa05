package io.llmfleet.worker.backend.http;

import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import io.llmfleet.schemas.ErrorKind;

/**
 * The part of classifying a failed call that is the same for every HTTP backend: what the
 * transport failure or the status code alone says. Each backend's classifier first reads
 * its own error texts, where the backend answered at all, and falls back to
 * {@link #classify}.
 */
public final class HttpFailures {

	private HttpFailures() {
	}

	/**
	 * Whether the backend answered, so that its error text is worth reading.
	 * @param status the HTTP status, 0 when no response came
	 * @param cause the transport failure, null when the backend answered
	 * @return true for an answer with a status and no transport failure
	 */
	public static boolean backendAnswered(int status, Throwable cause) {
		return cause == null && status != 0;
	}

	/**
	 * Classifies a failed call by its transport failure or status code.
	 * @param status the HTTP status: 200 for an error in the middle of a stream, 0 when
	 * no response came
	 * @param cause the transport failure, null when the backend answered
	 * @return the kind of failure
	 */
	public static ErrorKind classify(int status, Throwable cause) {
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
		return switch (status) {
			case 429, 503 -> ErrorKind.CAPACITY;
			case 408, 504 -> ErrorKind.TIMEOUT;
			// a 404 names a model this server does not have: it cannot serve the request
			default -> (status >= 400 && status < 500) ? ErrorKind.PERMANENT : ErrorKind.TRANSIENT;
		};
	}

}
