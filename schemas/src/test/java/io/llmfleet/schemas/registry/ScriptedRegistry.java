package io.llmfleet.schemas.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that plays a schema registry from a script: each request gets the
 * next scripted answer (a status and body, or a connection closed without an answer),
 * then {@code 200 {"id":1}} once the script is used up. Records what it received.
 */
final class ScriptedRegistry implements AutoCloseable {

	/** Marks an answer that closes the connection instead of answering. */
	static final int CLOSE_CONNECTION = -1;

	private final HttpServer server;

	private final Deque<Answer> script = new ArrayDeque<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private ScriptedRegistry(HttpServer server) {
		this.server = server;
	}

	static ScriptedRegistry start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			ScriptedRegistry registry = new ScriptedRegistry(server);
			server.createContext("/", registry::handle);
			server.start();
			return registry;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A URL on which nothing listens. */
	static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	synchronized ScriptedRegistry then(int status, String body) {
		this.script.add(new Answer(status, body));
		return this;
	}

	ScriptedRegistry thenClose() {
		return then(CLOSE_CONNECTION, "");
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestHeaders().getFirst("Authorization")));
		Answer answer = next();
		if (answer.status() == CLOSE_CONNECTION) {
			// Closing before the headers are sent drops the connection without an answer.
			exchange.close();
			return;
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private synchronized Answer next() {
		return this.script.isEmpty() ? new Answer(200, "{\"id\":1}") : this.script.poll();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Answer(int status, String body) {
	}

	record Received(String method, String path, String authorization) {
	}

}
