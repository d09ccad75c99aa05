package io.llmfleet.worker.vllm.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.llmfleet.worker.backend.http.BackendHttpException;
import io.llmfleet.worker.backend.http.StreamLimits;
import io.llmfleet.worker.backend.http.StreamingHttp;

/**
 * A small client for the vLLM endpoints a worker needs: a streamed
 * {@code /v1/chat/completions}, the {@code GET /health} probe, and {@code GET /v1/models}
 * and {@code GET /metrics} for its status. It holds one {@link StreamingHttp}, which
 * bounds a call as a whole by its timeout, and is thread-safe.
 */
public final class VllmClient {

	private final StreamingHttp http;

	private final String apiKey;

	/**
	 * Creates a client.
	 * @param baseUrl the server root, such as {@code http://127.0.0.1:8000} (without
	 * {@code /v1})
	 * @param connectTimeout how long opening a connection may take
	 * @param apiKey the key vLLM was started with ({@code --api-key}), null for none
	 */
	public VllmClient(URI baseUrl, Duration connectTimeout, String apiKey) {
		this.http = new StreamingHttp(baseUrl, connectTimeout, ErrorBodies::message);
		this.apiKey = apiKey;
	}

	/**
	 * Where this client sends requests.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.http.baseUrl();
	}

	/**
	 * Runs one streamed chat completion bounded as a whole by one timeout.
	 * @param request the request; sent with {@code stream: true} and
	 * {@code stream_options.include_usage: true} whatever it says
	 * @param timeout how long the whole call may take, first byte to last
	 * @return the whole answer
	 * @throws BackendHttpException when no complete answer came
	 */
	public VllmChat.Answer chat(VllmChat.Request request, Duration timeout) {
		return chat(request, StreamLimits.overall(timeout));
	}

	/**
	 * Runs one streamed chat completion.
	 * @param request the request; sent with {@code stream: true} and
	 * {@code stream_options.include_usage: true} whatever it says
	 * @param limits how long the call may take as a whole, until its first event and
	 * between events
	 * @return the whole answer
	 * @throws BackendHttpException when no complete answer came
	 */
	public VllmChat.Answer chat(VllmChat.Request request, StreamLimits limits) {
		VllmChat.Request streamed = new VllmChat.Request(request.model(), request.messages(), true,
				new VllmChat.StreamOptions(true), request.maxTokens(), request.temperature(), request.topP(),
				request.stop(), request.seed());
		HttpRequest.Builder httpRequest = authorized(HttpRequest.newBuilder(this.http.resolve("v1/chat/completions")))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofByteArray(VllmChat.MAPPER.writeValueAsBytes(streamed)));
		// a null separator splits on \n, \r\n and \r, all of which SSE allows
		return this.http.stream(httpRequest, limits, new ChatStreamReader(System.nanoTime()), null);
	}

	/**
	 * Checks that vLLM answers {@code GET /health} with a 2xx status, which it does once
	 * the engine is up.
	 * @throws BackendHttpException when it does not
	 */
	public void health() {
		this.http.probe(authorized(HttpRequest.newBuilder(this.http.resolve("health"))));
	}

	/**
	 * Lists the served models.
	 * @param timeout how long asking may take
	 * @return the models
	 * @throws BackendHttpException when vLLM does not answer in time with a 2xx status
	 */
	public VllmModels models(Duration timeout) {
		String body = this.http.fetch(authorized(HttpRequest.newBuilder(this.http.resolve("v1/models"))), timeout);
		return VllmChat.MAPPER.readValue(body, VllmModels.class);
	}

	/**
	 * Reads the scheduler metrics.
	 * @param timeout how long asking may take
	 * @return the metrics of interest
	 * @throws BackendHttpException when vLLM does not answer in time with a 2xx status
	 */
	public VllmMetrics metrics(Duration timeout) {
		return VllmMetrics
			.parse(this.http.fetch(authorized(HttpRequest.newBuilder(this.http.resolve("metrics"))), timeout));
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
		return (this.apiKey != null) ? builder.header("Authorization", "Bearer " + this.apiKey) : builder;
	}

}
