package io.llmfleet.worker.vllm;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.worker.backend.BackendOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key vLLM was started with goes out as a bearer token. The simulator checks no
 * key, so a small HTTP server records the header the client sends over real HTTP; every
 * failure the worker classifies is produced by the simulator instead
 * ({@link VllmErrorMappingIT}).
 */
class VllmApiKeyIT {

	private static final String ANSWER = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
			+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}\n\n"
			+ "data: [DONE]\n\n";

	private static final AtomicReference<String> authorization = new AtomicReference<>();

	private static HttpServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			exchange.getRequestBody().readAllBytes();
			byte[] bytes = ANSWER.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void apiKeyIsSentAsBearerToken() {
		BackendOutcome outcome = VllmBackendIT.backend(baseUrl(), "s3cret")
			.chat(VllmBackendIT.call("m", List.of(new ChatMessage("user", "Hi")), null));

		assertThat(outcome).isInstanceOf(BackendOutcome.Completed.class);
		assertThat(authorization.get()).isEqualTo("Bearer s3cret");
	}

	private static URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

}
