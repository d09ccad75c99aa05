package io.llmfleet.worker.backend.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A chat call or probe to a backend's HTTP API that did not produce an answer: an HTTP
 * error status, an error in the middle of a stream, or a transport failure (its cause).
 * Carries what a classifier needs: the status the backend answered with (0 when none
 * came), the backend's own error text and the cause. Expected, so it carries no stack
 * trace of its own.
 */
public final class BackendHttpException extends RuntimeException {

	private final int status;

	private final String error;

	private BackendHttpException(int status, String error, String message, Throwable cause) {
		super(message, cause, false, false);
		this.status = status;
		this.error = error;
	}

	/**
	 * The backend answered with a non-2xx status.
	 * @param status the HTTP status
	 * @param error the backend's error text, or the raw body
	 * @return the exception
	 */
	public static BackendHttpException httpStatus(int status, String error) {
		return new BackendHttpException(status, error, "HTTP " + status + ": " + error, null);
	}

	/**
	 * The stream (status 200) held an error, or ended before it was complete.
	 * @param error the backend's error text, or what was wrong with the stream
	 * @return the exception, with status 200
	 */
	public static BackendHttpException inStream(String error) {
		return inStream(200, error);
	}

	/**
	 * The stream held an error that names a status code of its own.
	 * @param status the status code the error names, 200 when it names none
	 * @param error the backend's error text
	 * @return the exception
	 */
	public static BackendHttpException inStream(int status, String error) {
		return new BackendHttpException(status, error, "error in the middle of the stream: " + error, null);
	}

	/**
	 * No complete answer came in time.
	 * @param timeout the time the call had
	 * @return the exception, caused by an {@link HttpTimeoutException}
	 */
	public static BackendHttpException timedOut(Duration timeout) {
		return timedOut("no complete answer within " + timeout.toMillis() + " ms");
	}

	/**
	 * A limit on part of the answer ran out: the first chunk, or the next one, did not
	 * come in time.
	 * @param what which limit ran out, such as {@code no first chunk within 120000 ms}
	 * @return the exception, caused by an {@link HttpTimeoutException}
	 */
	public static BackendHttpException timedOut(String what) {
		return new BackendHttpException(0, null, what, new HttpTimeoutException(what));
	}

	/**
	 * The connection failed, before or during the response.
	 * @param cause the transport failure
	 * @return the exception
	 */
	public static BackendHttpException transport(Throwable cause) {
		return new BackendHttpException(0, null, describe(cause), cause);
	}

	/**
	 * The HTTP status the backend answered with.
	 * @return the status; for an error inside a stream 200 or the code the error names; 0
	 * when no response came
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The backend's own error text.
	 * @return the text, null for a transport failure
	 */
	public String error() {
		return this.error;
	}

	// the JDK client often throws ConnectException and IOException without a message
	private static String describe(Throwable cause) {
		String message = cause.getMessage();
		if (message != null && !message.isBlank()) {
			return message + " (" + cause.getClass().getSimpleName() + ")";
		}
		if (cause instanceof ConnectException) {
			return "connection refused (ConnectException)";
		}
		if (cause instanceof IOException) {
			return "connection closed (" + cause.getClass().getSimpleName() + ")";
		}
		return cause.getClass().getSimpleName();
	}

}
