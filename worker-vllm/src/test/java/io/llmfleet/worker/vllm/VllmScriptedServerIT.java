package io.llmfleet.worker.vllm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.BackendOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the simulator does not produce (errors inside a stream, a cut connection, an API
 * key check), served by a scripted HTTP server so the client is checked over real HTTP.
 */
class VllmScriptedServerIT {

	private static final String PIECE = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
			+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half\"},\"finish_reason\":null}]}\n\n";

	private static final List<ChatMessage> MESSAGES = List.of(new ChatMessage("user", "Hi"));

	private static final AtomicReference<HttpHandler> script = new AtomicReference<>();

	private static HttpServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> script.get().handle(exchange));
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void busyServerIsCapacity() {
		script.set((exchange) -> reply(exchange, 503, "{\"object\":\"error\",\"message\":\"Service Unavailable\","
				+ "\"type\":\"ServiceUnavailableError\",\"param\":null,\"code\":503}"));

		assertThat(failed().kind()).isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void errorEventInTheMiddleOfAStreamIsClassifiedByItsCodeAndText() {
		script.set((exchange) -> reply(exchange, 200, PIECE + "data: {\"error\":{\"object\":\"error\","
				+ "\"message\":\"engine loop has died\",\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}\n\n"));

		assertThat(failed()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("middle of the stream", "engine loop has died");
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

		assertThat(failed().kind()).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void streamEndingBeforeDoneIsTransient() {
		script.set((exchange) -> reply(exchange, 200, PIECE));

		assertThat(failed()).satisfies((failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).contains("stream ended before data: [DONE]");
		});
	}

	@Test
	void apiKeyIsSentAsBearerToken() {
		AtomicReference<String> authorization = new AtomicReference<>();
		script.set((exchange) -> {
			authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			reply(exchange, 200, PIECE + "data: [DONE]\n\n");
		});

		BackendOutcome outcome = VllmBackendIT.backend(baseUrl(), "s3cret")
			.chat(VllmBackendIT.call("m", MESSAGES, null));

		assertThat(outcome).isInstanceOf(BackendOutcome.Completed.class);
		assertThat(authorization.get()).isEqualTo("Bearer s3cret");
	}

	private static BackendOutcome.Failed failed() {
		BackendOutcome outcome = VllmBackendIT.backend(baseUrl()).chat(VllmBackendIT.call("m", MESSAGES, null));
		assertThat(outcome).isInstanceOf(BackendOutcome.Failed.class);
		return (BackendOutcome.Failed) outcome;
	}

	private static URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", (status == 200) ? "text/event-stream" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
