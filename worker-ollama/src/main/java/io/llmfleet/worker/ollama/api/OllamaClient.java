package io.llmfleet.worker.ollama.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.llmfleet.worker.backend.http.BackendHttpException;
import io.llmfleet.worker.backend.http.StreamLimits;
import io.llmfleet.worker.backend.http.StreamingHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A small client for the Ollama endpoints a worker needs: a streamed {@code /api/chat},
 * the {@code GET /} probe and {@code GET /api/ps} for the loaded models. It holds one
 * {@link StreamingHttp}, which bounds a call as a whole by its timeout, and is
 * thread-safe.
 */
public final class OllamaClient {

	private final StreamingHttp http;

	/**
	 * Creates a client.
	 * @param baseUrl where Ollama listens, such as {@code http://127.0.0.1:11434}
	 * @param connectTimeout how long opening a connection may take
	 */
	public OllamaClient(URI baseUrl, Duration connectTimeout) {
		this.http = new StreamingHttp(baseUrl, connectTimeout, OllamaClient::errorText);
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
	 * @param request the request; sent with {@code stream: true} whatever it says
	 * @param timeout how long the whole call may take, first byte to last
	 * @return the whole answer
	 * @throws BackendHttpException when no complete answer came
	 */
	public OllamaChat.Answer chat(OllamaChat.Request request, Duration timeout) {
		return chat(request, StreamLimits.overall(timeout));
	}

	/**
	 * Runs one streamed chat completion. A request without messages only loads the model
	 * and answers one final chunk with {@code done_reason: load}.
	 * @param request the request; sent with {@code stream: true} whatever it says
	 * @param limits how long the call may take as a whole, until its first chunk (model
	 * load included) and between chunks
	 * @return the whole answer
	 * @throws BackendHttpException when no complete answer came
	 */
	public OllamaChat.Answer chat(OllamaChat.Request request, StreamLimits limits) {
		OllamaChat.Request streamed = new OllamaChat.Request(request.model(), request.messages(), true,
				request.keepAlive(), request.options());
		HttpRequest.Builder httpRequest = HttpRequest.newBuilder(this.http.resolve("api/chat"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofByteArray(OllamaChat.MAPPER.writeValueAsBytes(streamed)));
		return this.http.stream(httpRequest, limits, new ChatStreamReader(System.nanoTime()), "\n");
	}

	/**
	 * Checks that Ollama answers {@code GET /} with a 2xx status ("Ollama is running").
	 * @throws BackendHttpException when it does not
	 */
	public void ping() {
		this.http.probe(HttpRequest.newBuilder(this.http.baseUrl()));
	}

	/**
	 * Lists the models Ollama has loaded now.
	 * @param timeout how long asking may take
	 * @return the loaded models
	 * @throws BackendHttpException when Ollama does not answer in time with a 2xx status
	 */
	public OllamaPs.Running ps(Duration timeout) {
		String body = this.http.fetch(HttpRequest.newBuilder(this.http.resolve("api/ps")), timeout);
		return OllamaChat.MAPPER.readValue(body, OllamaPs.Running.class);
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

}
