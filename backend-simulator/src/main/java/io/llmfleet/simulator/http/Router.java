package io.llmfleet.simulator.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches every request of one server by exact method and path (the JDK server matches
 * contexts by prefix, which would let {@code /api/chatty} reach {@code /api/chat}), turns
 * {@link HttpError}s into the server's error replies and closes the exchange, unless a
 * route throws {@link AbortConnection} to drop the connection instead. Routes are
 * registered before the server starts and only read afterwards, so dispatch is
 * thread-safe.
 */
public final class Router implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(Router.class);

	private final String serverName;

	private final ErrorFormat errors;

	private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

	/**
	 * Creates a router with no routes.
	 * @param serverName name used in log lines ({@code ollama}, {@code vllm})
	 * @param errors how the server words its errors
	 */
	public Router(String serverName, ErrorFormat errors) {
		this.serverName = serverName;
		this.errors = errors;
	}

	/**
	 * Registers a route.
	 * @param method HTTP method, e.g. {@code POST}
	 * @param path exact path, e.g. {@code /api/chat}
	 * @param route what answers it
	 * @return this router
	 */
	public Router route(String method, String path, Route route) {
		this.routes.computeIfAbsent(path, (key) -> new LinkedHashMap<>()).put(method, route);
		return this;
	}

	@Override
	public void handle(HttpExchange exchange) {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		boolean aborted = false;
		try {
			Map<String, Route> methods = this.routes.getOrDefault(path, Map.of());
			Route route = methods.get(method);
			if (route == null) {
				Exchanges.send(exchange, this.errors.unknownRoute(method, path, !methods.isEmpty()));
				return;
			}
			dispatch(exchange, route, method, path);
		}
		catch (AbortConnection ex) {
			// leave the exchange open: the JDK server closes the socket when a handler
			// throws, so no terminating chunk or missing bytes are written
			aborted = true;
			logger.debug("{} {} {}: dropping the connection ({})", this.serverName, method, path, ex.getMessage());
			throw ex;
		}
		catch (IOException ex) {
			logger.debug("{} {} {}: client went away ({})", this.serverName, method, path, ex.getMessage());
		}
		finally {
			if (!aborted) {
				exchange.close();
			}
		}
	}

	private void dispatch(HttpExchange exchange, Route route, String method, String path) throws IOException {
		try {
			route.handle(exchange);
		}
		catch (HttpError ex) {
			logger.debug("{} {} {}: refused with {}: {}", this.serverName, method, path, ex.status(), ex.getMessage());
			replyIfPossible(exchange,
					ex.withBody() ? this.errors.error(ex.status(), ex.getMessage()) : Reply.empty(ex.status()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.debug("{} {} {}: stopped while answering", this.serverName, method, path);
			replyIfPossible(exchange, this.errors.error(503, "simulator is shutting down"));
		}
		catch (AbortConnection ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("{} {} {}: failed, answering 500", this.serverName, method, path, ex);
			replyIfPossible(exchange, this.errors.error(500, String.valueOf(ex.getMessage())));
		}
	}

	private static void replyIfPossible(HttpExchange exchange, Reply reply) throws IOException {
		// once a stream has started its status is on the wire; closing the exchange is
		// all we can do
		if (exchange.getResponseCode() == -1) {
			Exchanges.send(exchange, reply);
		}
	}

}
