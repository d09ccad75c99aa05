package io.llmfleet.worker.vllm.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A chat call or probe that did not produce an answer: an HTTP error status, an error
 * event in the middle of a stream, or a transport failure (its cause). Carries what a
 * classifier needs: the status (0 when no response came), vLLM's own error message and
 * the cause. Expected, so it carries no stack trace of its own.
 */
public final class VllmApiException extends RuntimeException {

	private final int status;

	private final String error;

	private VllmApiException(int status, String error, String message, Throwable cause) {
		super(message, cause, false, false);
		this.status = status;
		this.error = error;
	}

	/**
	 * vLLM answered with a non-2xx status.
	 * @param status the HTTP status
	 * @param error vLLM's error message, or the raw body
	 * @return the exception
	 */
	public static VllmApiException httpStatus(int status, String error) {
		return new VllmApiException(status, error, "HTTP " + status + ": " + error, null);
	}

	/**
	 * The stream (status 200) held an error event, or ended without {@code data: [DONE]}.
	 * @param code the status code the error event names, 200 when it names none
	 * @param error vLLM's error message, or what was wrong with the stream
	 * @return the exception
	 */
	public static VllmApiException inStream(int code, String error) {
		return new VllmApiException(code, error, "error in the middle of the stream: " + error, null);
	}

	/**
	 * No complete answer came in time.
	 * @param timeout the time the call had
	 * @return the exception, caused by an {@link HttpTimeoutException}
	 */
	public static VllmApiException timedOut(Duration timeout) {
		String text = "no complete answer within " + timeout.toMillis() + " ms";
		return new VllmApiException(0, null, text, new HttpTimeoutException(text));
	}

	/**
	 * The connection failed, before or during the response.
	 * @param cause the transport failure
	 * @return the exception
	 */
	public static VllmApiException transport(Throwable cause) {
		return new VllmApiException(0, null, describe(cause), cause);
	}

	/**
	 * The HTTP status vLLM answered with.
	 * @return the status; for an error event in a stream, the code it names or 200; 0
	 * when no response came
	 */
	public int status() {
		return this.status;
	}

	/**
	 * vLLM's own error message.
	 * @return the message, null for a transport failure
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
