package io.llmfleet.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP to a running simulator for the integration tests, with JSON helpers.
 */
public final class SimulatorClient {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI baseUrl;

	public SimulatorClient(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(this.baseUrl.resolve(path)).GET());
	}

	public HttpResponse<String> post(String path, String json) {
		return send(HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(this.baseUrl.resolve(path)).DELETE());
	}

	/**
	 * Posts without waiting for the reply, as a client whose request may hang does.
	 * @param path the path
	 * @param json the body
	 * @param timeout how long the client waits for the reply before giving up
	 * @return the reply, or an exception when the connection drops or the client gives up
	 */
	public CompletableFuture<HttpResponse<String>> postAsync(String path, String json, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.timeout(timeout)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts and reads the reply line by line until it ends or the connection drops.
	 * @param path the path
	 * @param json the body
	 * @return the status, the non-empty lines read and the failure that ended the reading
	 */
	public Streamed postForStream(String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		HttpResponse<java.util.stream.Stream<String>> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			return new Streamed(-1, List.of(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		List<String> lines = new ArrayList<>();
		try (java.util.stream.Stream<String> body = response.body()) {
			body.filter((line) -> !line.isEmpty()).forEach(lines::add);
			return new Streamed(response.statusCode(), lines, null);
		}
		catch (UncheckedIOException ex) {
			return new Streamed(response.statusCode(), lines, ex.getCause());
		}
	}

	/**
	 * A streamed reply as far as it was read.
	 *
	 * @param status the HTTP status, -1 when none came
	 * @param lines the non-empty lines read
	 * @param failure what cut the reply short, null when it ended normally
	 */
	public record Streamed(int status, List<String> lines, Throwable failure) {
	}

	/**
	 * Posts and reads the reply line by line, as a streaming client does.
	 * @param path the path
	 * @param json the body
	 * @return the non-empty lines of the reply body
	 */
	public List<String> postForLines(String path, String json) {
		HttpRequest request = HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		try {
			HttpResponse<java.util.stream.Stream<String>> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("status " + response.statusCode());
			}
			return response.body().filter((line) -> !line.isEmpty()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode json(String text) {
		return JsonMapper.shared().readTree(text);
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
