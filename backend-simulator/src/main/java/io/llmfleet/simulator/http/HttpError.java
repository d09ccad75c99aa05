package io.llmfleet.simulator.http;

/**
 * A request the simulator refuses: the route stops and the {@link Router} answers with
 * this status and message in the server's own error format (Ollama's or OpenAI's).
 * Expected, so it carries no stack trace.
 */
public final class HttpError extends RuntimeException {

	private final int status;

	private HttpError(int status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	/**
	 * A malformed or invalid request.
	 * @param message what is wrong, quoting the bad value
	 * @return a 400 error
	 */
	public static HttpError badRequest(String message) {
		return new HttpError(400, message);
	}

	/**
	 * A request for something the server does not have, such as an unknown model.
	 * @param message the backend's own wording
	 * @return a 404 error
	 */
	public static HttpError notFound(String message) {
		return new HttpError(404, message);
	}

	/**
	 * The HTTP status to answer with.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

}
