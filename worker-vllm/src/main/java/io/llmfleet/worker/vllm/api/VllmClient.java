package io.llmfleet.worker.vllm.api;

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

/**
 * A small client for the two vLLM endpoints a worker needs: a streamed
 * {@code /v1/chat/completions} and the {@code GET /health} probe. It holds one
 * {@link HttpClient} and is thread-safe. A call is bounded as a whole by its timeout, not
 * only until the response headers, because a busy vLLM sends its headers long before the
 * first token.
 */
public final class VllmClient {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private final URI baseUrl;

	private final String apiKey;

	private final HttpClient http;

	/**
	 * Creates a client.
	 * @param baseUrl the server root, such as {@code http://127.0.0.1:8000} (without
	 * {@code /v1})
	 * @param connectTimeout how long opening a connection may take
	 * @param apiKey the key vLLM was started with ({@code --api-key}), null for none
	 */
	public VllmClient(URI baseUrl, Duration connectTimeout, String apiKey) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		// HTTP/1.1: vLLM's uvicorn serves cleartext HTTP/1.1, so an h2c upgrade attempt
		// only costs
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
	 * @param request the request; sent with {@code stream: true} and
	 * {@code stream_options.include_usage: true} whatever it says
	 * @param timeout how long the whole call may take, first byte to last
	 * @return the whole answer
	 * @throws VllmApiException when no complete answer came
	 */
	public VllmChat.Answer chat(VllmChat.Request request, Duration timeout) {
		VllmChat.Request streamed = new VllmChat.Request(request.model(), request.messages(), true,
				new VllmChat.StreamOptions(true), request.maxTokens(), request.temperature(), request.topP(),
				request.stop(), request.seed());
		HttpRequest httpRequest = authorized(HttpRequest.newBuilder(resolve("v1/chat/completions"))).timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(VllmChat.MAPPER.writeValueAsBytes(streamed)))
			.build();
		long startNanos = System.nanoTime();
		CompletableFuture<HttpResponse<VllmChat.Answer>> response = this.http.sendAsync(httpRequest,
				chatHandler(startNanos));
		return await(response, timeout).body();
	}

	/**
	 * Checks that vLLM answers {@code GET /health} with a 2xx status, which it does once
	 * the engine is up.
	 * @throws VllmApiException when it does not
	 */
	public void health() {
		HttpRequest request = authorized(HttpRequest.newBuilder(resolve("health"))).timeout(PROBE_TIMEOUT)
			.GET()
			.build();
		CompletableFuture<HttpResponse<String>> response = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		HttpResponse<String> answer = await(response, PROBE_TIMEOUT);
		if (answer.statusCode() / 100 != 2) {
			throw VllmApiException.httpStatus(answer.statusCode(), ErrorBodies.message(answer.body()));
		}
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
		return (this.apiKey != null) ? builder.header("Authorization", "Bearer " + this.apiKey) : builder;
	}

	private BodyHandler<VllmChat.Answer> chatHandler(long startNanos) {
		return (info) -> {
			if (info.statusCode() / 100 != 2) {
				return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), (body) -> {
					throw VllmApiException.httpStatus(info.statusCode(), ErrorBodies.message(body));
				});
			}
			// a null separator splits on \n, \r\n and \r, all of which SSE allows
			return BodySubscribers.fromLineSubscriber(new ChatStreamReader(startNanos), ChatStreamReader::answer,
					StandardCharsets.UTF_8, null);
		};
	}

	private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> response, Duration timeout) {
		try {
			return response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// cancelling the future aborts the exchange and closes its connection
			response.cancel(true);
			throw VllmApiException.timedOut(timeout);
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw VllmApiException.transport(ex);
		}
		catch (ExecutionException ex) {
			throw failure(ex.getCause());
		}
	}

	private static VllmApiException failure(Throwable thrown) {
		Throwable cause = thrown;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof VllmApiException known) {
			return known;
		}
		return VllmApiException.transport(cause);
	}

	private URI resolve(String path) {
		String base = this.baseUrl.toString();
		return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
	}

}
