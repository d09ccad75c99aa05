package io.llmfleet.simulator.http;

/**
 * A request the simulator refuses: the route stops and the {@link Router} answers with
 * this status and message in the server's own error format (Ollama's or OpenAI's), or,
 * for an error without body, with the bare status as a crashed engine answers. Expected,
 * so it carries no stack trace.
 */
public final class HttpError extends RuntimeException {

	private final int status;

	private final boolean withBody;

	private HttpError(int status, String message, boolean withBody) {
		super(message, null, false, false);
		this.status = status;
		this.withBody = withBody;
	}

	/**
	 * A malformed or invalid request.
	 * @param message what is wrong, quoting the bad value
	 * @return a 400 error
	 */
	public static HttpError badRequest(String message) {
		return new HttpError(400, message, true);
	}

	/**
	 * A request for something the server does not have, such as an unknown model.
	 * @param message the backend's own wording
	 * @return a 404 error
	 */
	public static HttpError notFound(String message) {
		return new HttpError(404, message, true);
	}

	/**
	 * Any error status with a message in the server's error format.
	 * @param status the HTTP status, 400 to 599
	 * @param message the backend's own wording
	 * @return the error
	 */
	public static HttpError of(int status, String message) {
		return new HttpError(status, message, true);
	}

	/**
	 * An error status with an empty body, as vLLM's server answers when its engine died.
	 * @param status the HTTP status
	 * @param reason why, for the log line only
	 * @return the error
	 */
	public static HttpError withoutBody(int status, String reason) {
		return new HttpError(status, reason, false);
	}

	/**
	 * The HTTP status to answer with.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Whether the reply carries the message in the server's error format.
	 * @return false for a bare status with an empty body
	 */
	public boolean withBody() {
		return this.withBody;
	}

}
