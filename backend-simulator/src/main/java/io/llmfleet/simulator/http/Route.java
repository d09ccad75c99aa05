package io.llmfleet.simulator.http;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * Serves one method and path. It may throw {@link HttpError} to refuse the request before
 * replying; the {@link Router} closes the exchange afterwards.
 */
@FunctionalInterface
public interface Route {

	/**
	 * Answers one request.
	 * @param exchange the request and its response
	 * @throws IOException when the client goes away
	 * @throws InterruptedException when the simulator stops while the route waits
	 */
	void handle(HttpExchange exchange) throws IOException, InterruptedException;

}
