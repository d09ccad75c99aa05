package io.llmfleet.worker.ollama.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * A chat call or probe that did not produce an answer: an HTTP error status, an error in
 * the middle of a stream, or a transport failure (its cause). Carries what a classifier
 * needs: the status Ollama answered with (0 when none came), Ollama's own error text and
 * the cause. Expected, so it carries no stack trace of its own.
 */
public final class OllamaApiException extends RuntimeException {

	private final int status;

	private final String error;

	private OllamaApiException(int status, String error, String message, Throwable cause) {
		super(message, cause, false, false);
		this.status = status;
		this.error = error;
	}

	/**
	 * Ollama answered with a non-2xx status.
	 * @param status the HTTP status
	 * @param error Ollama's error text, or the raw body
	 * @return the exception
	 */
	public static OllamaApiException httpStatus(int status, String error) {
		return new OllamaApiException(status, error, "HTTP " + status + ": " + error, null);
	}

	/**
	 * The stream (status 200) ended with an error line, or ended without its final chunk.
	 * @param error Ollama's error text, or what was wrong with the stream
	 * @return the exception
	 */
	public static OllamaApiException inStream(String error) {
		return new OllamaApiException(200, error, "error in the middle of the stream: " + error, null);
	}

	/**
	 * No complete answer came in time.
	 * @param timeout the time the call had
	 * @return the exception, caused by an {@link HttpTimeoutException}
	 */
	public static OllamaApiException timedOut(Duration timeout) {
		String text = "no complete answer within " + timeout.toMillis() + " ms";
		return new OllamaApiException(0, null, text, new HttpTimeoutException(text));
	}

	/**
	 * The connection failed, before or during the response.
	 * @param cause the transport failure
	 * @return the exception
	 */
	public static OllamaApiException transport(Throwable cause) {
		return new OllamaApiException(0, null, describe(cause), cause);
	}

	/**
	 * The HTTP status Ollama answered with.
	 * @return the status, 200 for an error inside a stream, 0 when no response came
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Ollama's own error text.
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
