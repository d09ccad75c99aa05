package io.llmfleet.simulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;

/**
 * One JDK HTTP server bound to 127.0.0.1 only, answering every path through a
 * {@link Router} on a caller-supplied executor so concurrent requests are served
 * concurrently.
 */
public final class SimulatedServer implements AutoCloseable {

	// pending connections the OS may queue; benchmarks open hundreds at once
	private static final int BACKLOG = 1024;

	static {
		// Without TCP_NODELAY, small streamed chunks wait for delayed ACKs (~40 ms each
		// on Linux), which Ollama (Go) and vLLM (asyncio) never do. The JDK reads this
		// property once, when the first server in the JVM is created.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final HttpServer server;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private SimulatedServer(HttpServer server) {
		this.server = server;
	}

	/**
	 * Binds and starts a server.
	 * @param port the port, 0 for an ephemeral one
	 * @param router what answers requests
	 * @param executor the threads requests run on
	 * @return the started server
	 * @throws UncheckedIOException when the port cannot be bound
	 */
	public static SimulatedServer start(int port, Router router, Executor executor) {
		try {
			// the IPv4 literal, not getLoopbackAddress(), which may be ::1 and not match
			// baseUrl()
			InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
			HttpServer server = HttpServer.create(address, BACKLOG);
			server.createContext("/", router);
			server.setExecutor(executor);
			server.start();
			return new SimulatedServer(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot bind simulator to 127.0.0.1:" + port, ex);
		}
	}

	/**
	 * The port the server listens on, the chosen one when it was started on port 0.
	 * @return the bound port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The URL clients use.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + port());
	}

	@Override
	public void close() {
		if (this.stopped.compareAndSet(false, true)) {
			this.server.stop(0);
		}
	}

}
