package io.llmfleet.worker.ollama;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.BackendOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failures the simulator does not produce (out of memory, a cut connection), served by a
 * scripted HTTP server so the classification is checked over real HTTP.
 */
class OllamaScriptedServerIT {

	private static final String PIECE = "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"Half\"},"
			+ "\"done\":false}\n";

	private static final AtomicReference<HttpHandler> script = new AtomicReference<>();

	private static HttpServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/api/chat", (exchange) -> script.get().handle(exchange));
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void modelTooLargeForMemoryIsCapacity() {
		script.set((exchange) -> reply(exchange, 500,
				"{\"error\":\"model requires more system memory (12.4 GiB) than is available (7.9 GiB)\"}"));

		assertThat(chat()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("HTTP 500", "requires more system memory");
		});
	}

	@Test
	void busyServerIsCapacity() {
		script.set((exchange) -> reply(exchange, 503, "{\"error\":\"server busy, please try again.\"}"));

		assertThat(chat().kind()).isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void outOfMemoryInTheMiddleOfAStreamIsCapacity() {
		script.set((exchange) -> reply(exchange, 200, PIECE + "{\"error\":\"CUDA error: out of memory\"}\n"));

		assertThat(chat()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.CAPACITY);
			assertThat(failed.message()).contains("middle of the stream", "out of memory");
		});
	}

	@Test
	void connectionCutInTheMiddleOfAStreamIsTransient() {
		script.set((exchange) -> {
			byte[] piece = PIECE.getBytes(StandardCharsets.UTF_8);
			// promise more bytes than are sent, so closing cuts the connection
			exchange.sendResponseHeaders(200, piece.length + 1000);
			OutputStream body = exchange.getResponseBody();
			body.write(piece);
			body.flush();
			exchange.close();
		});

		assertThat(chat().kind()).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void streamEndingBeforeItsFinalChunkIsTransient() {
		script.set((exchange) -> reply(exchange, 200, PIECE));

		assertThat(chat()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("stream ended before the final chunk");
		});
	}

	private static BackendOutcome.Failed chat() {
		URI baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		BackendOutcome outcome = OllamaBackendIT.backend(baseUrl)
			.chat(OllamaBackendIT.call("llama3.2:3b", null, Duration.ofSeconds(5)));
		assertThat(outcome).isInstanceOf(BackendOutcome.Failed.class);
		return (BackendOutcome.Failed) outcome;
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
