package io.llmfleet.simulator.http;

/**
 * How one simulated server words its errors, so clients parse them exactly as they would
 * the real backend's.
 */
public interface ErrorFormat {

	/**
	 * The reply to a refused request.
	 * @param status the HTTP status
	 * @param message what went wrong
	 * @return the reply in the backend's error format
	 */
	Reply error(int status, String message);

	/**
	 * The reply to a path or method the server does not serve.
	 * @param method the request method
	 * @param path the request path
	 * @param pathKnown whether the path is served with another method
	 * @return the backend's 404 (or 405) reply
	 */
	Reply unknownRoute(String method, String path, boolean pathKnown);

}
