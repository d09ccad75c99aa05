package io.llmfleet.worker.ollama.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A small client for the two Ollama endpoints a worker needs: a streamed
 * {@code /api/chat} and the {@code GET /} probe. It holds one {@link HttpClient} and is
 * thread-safe. A call is bounded as a whole by its timeout, not only until the response
 * headers, because Ollama sends its headers before a slow first token.
 */
public final class OllamaClient {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private final URI baseUrl;

	private final HttpClient http;

	/**
	 * Creates a client.
	 * @param baseUrl where Ollama listens, such as {@code http://127.0.0.1:11434}
	 * @param connectTimeout how long opening a connection may take
	 */
	public OllamaClient(URI baseUrl, Duration connectTimeout) {
		this.baseUrl = baseUrl;
		// HTTP/1.1: Ollama serves cleartext HTTP/1.1, so an h2c upgrade attempt only
		// costs
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

	/**
	 * Where this client sends requests.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Runs one streamed chat completion.
	 * @param request the request; sent with {@code stream: true} whatever it says
	 * @param timeout how long the whole call may take, first byte to last
	 * @return the whole answer
	 * @throws OllamaApiException when no complete answer came
	 */
	public OllamaChat.Answer chat(OllamaChat.Request request, Duration timeout) {
		OllamaChat.Request streamed = new OllamaChat.Request(request.model(), request.messages(), true,
				request.keepAlive(), request.options());
		HttpRequest httpRequest = HttpRequest.newBuilder(resolve("api/chat"))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofByteArray(OllamaChat.MAPPER.writeValueAsBytes(streamed)))
			.build();
		long startNanos = System.nanoTime();
		CompletableFuture<HttpResponse<OllamaChat.Answer>> response = this.http.sendAsync(httpRequest,
				chatHandler(startNanos));
		return await(response, timeout).body();
	}

	/**
	 * Checks that Ollama answers {@code GET /} with a 2xx status ("Ollama is running").
	 * @throws OllamaApiException when it does not
	 */
	public void ping() {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl).timeout(PROBE_TIMEOUT).GET().build();
		CompletableFuture<HttpResponse<String>> response = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> answer = await(response, PROBE_TIMEOUT);
		if (answer.statusCode() / 100 != 2) {
			throw OllamaApiException.httpStatus(answer.statusCode(), errorText(answer.body()));
		}
	}

	private BodyHandler<OllamaChat.Answer> chatHandler(long startNanos) {
		return (info) -> {
			if (info.statusCode() / 100 != 2) {
				return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), (body) -> {
					throw OllamaApiException.httpStatus(info.statusCode(), errorText(body));
				});
			}
			return BodySubscribers.fromLineSubscriber(new ChatStreamReader(startNanos), ChatStreamReader::answer,
					StandardCharsets.UTF_8, "\n");
		};
	}

	private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> response, Duration timeout) {
		try {
			return response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// cancelling the future aborts the exchange and closes its connection
			response.cancel(true);
			throw OllamaApiException.timedOut(timeout);
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw OllamaApiException.transport(ex);
		}
		catch (ExecutionException ex) {
			throw failure(ex.getCause());
		}
	}

	private static OllamaApiException failure(Throwable thrown) {
		Throwable cause = thrown;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof OllamaApiException known) {
			return known;
		}
		return OllamaApiException.transport(cause);
	}

	// Ollama answers errors as {"error": "..."}; anything else is quoted as it came
	static String errorText(String body) {
		try {
			JsonNode error = OllamaChat.MAPPER.readTree(body).path("error");
			if (error.isString()) {
				return error.asString();
			}
		}
		catch (JacksonException ex) {
			// not JSON: a proxy's page or plain text
		}
		return body.isBlank() ? "(empty body)" : ChatStreamReader.abbreviate(body);
	}

	private URI resolve(String path) {
		String base = this.baseUrl.toString();
		return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
	}

}
