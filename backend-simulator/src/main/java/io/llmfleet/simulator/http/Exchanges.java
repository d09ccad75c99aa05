package io.llmfleet.simulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reading and writing exchanges: JSON request bodies, whole replies and streamed replies.
 */
public final class Exchanges {

	private Exchanges() {
	}

	/**
	 * Reads the request body as a JSON object.
	 * @param exchange the exchange
	 * @param mapper the mapper to parse with
	 * @return the parsed object
	 * @throws IOException when the client goes away
	 * @throws HttpError 400 when the body is empty, not JSON or not an object
	 */
	public static JsonNode readObject(HttpExchange exchange, ObjectMapper mapper) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		if (body.length == 0) {
			throw HttpError.badRequest("missing request body");
		}
		JsonNode node;
		try {
			node = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw HttpError.badRequest("invalid JSON in request body: " + firstClause(ex.getOriginalMessage()));
		}
		if (node == null || !node.isObject()) {
			throw HttpError.badRequest("request body must be a JSON object");
		}
		return node;
	}

	// Jackson appends source locations and hints in parentheses or on new lines: keep the
	// gist
	private static String firstClause(String message) {
		int end = message.length();
		for (char stop : new char[] { '(', '\n' }) {
			int at = message.indexOf(stop);
			end = (at > 0) ? Math.min(end, at) : end;
		}
		return message.substring(0, end).trim();
	}

	/**
	 * Sends a JSON reply.
	 * @param exchange the exchange
	 * @param status the HTTP status
	 * @param mapper the mapper to serialise with
	 * @param body the object to serialise
	 * @throws IOException when the client goes away
	 */
	public static void sendJson(HttpExchange exchange, int status, ObjectMapper mapper, Object body)
			throws IOException {
		send(exchange, new Reply(status, Reply.JSON, mapper.writeValueAsBytes(body)));
	}

	/**
	 * Sends a whole reply; a HEAD request gets the headers only.
	 * @param exchange the exchange
	 * @param reply the reply
	 * @throws IOException when the client goes away
	 */
	public static void send(HttpExchange exchange, Reply reply) throws IOException {
		if (reply.contentType() != null) {
			exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		}
		if ("HEAD".equals(exchange.getRequestMethod())) {
			exchange.sendResponseHeaders(reply.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(reply.status(), (reply.body().length == 0) ? -1 : reply.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(reply.body());
		}
	}

	/**
	 * Sends the headers of a whole reply and only the first half of its body, then drops
	 * the connection, so the client sees a body shorter than its {@code Content-Length}.
	 * @param exchange the exchange
	 * @param reply the reply that is cut short
	 * @return never returns normally
	 * @throws IOException when the client goes away first
	 * @throws AbortConnection always, once half the body is written
	 */
	public static AbortConnection sendHalfThenAbort(HttpExchange exchange, Reply reply) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		exchange.sendResponseHeaders(reply.status(), reply.body().length);
		OutputStream out = exchange.getResponseBody();
		out.write(reply.body(), 0, reply.body().length / 2);
		out.flush();
		throw AbortConnection.because("cut a " + reply.body().length + "-byte reply in half");
	}

	/**
	 * Starts a chunked 200 reply whose parts are written as they are produced.
	 * @param exchange the exchange
	 * @param contentType the content type, e.g. {@code application/x-ndjson}
	 * @return the stream to write parts to; each write is flushed
	 * @throws IOException when the client goes away
	 */
	public static StreamWriter startStream(HttpExchange exchange, String contentType) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.sendResponseHeaders(200, 0);
		return new StreamWriter(exchange.getResponseBody());
	}

}
