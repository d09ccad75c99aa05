package io.llmfleet.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends registry calls over HTTP with the configured credentials and TLS. A call that
 * failed for a reason that may pass (a connection error or timeout, HTTP 408, 429, 500,
 * 502, 503 or 504) is retried after the {@link RetryPolicy}'s backoff, on the next
 * configured URL, with one log line per retry; any other error answer becomes a
 * {@link SchemaRegistryException} carrying the registry's {@code error_code} and message.
 * Thread-safe.
 */
final class RegistryHttp {

	private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	/** The statuses Confluent's clients retry too: the server may answer later. */
	private static final Set<Integer> RETRIABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RegistryClientConfig config;

	private final HttpClient http;

	/** Which of the URLs the next call starts with; moves on after each failure. */
	private final AtomicInteger current = new AtomicInteger();

	RegistryHttp(RegistryClientConfig config) {
		this.config = config;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(config.requestTimeout());
		config.sslContext().ifPresent(builder::sslContext);
		this.http = builder.build();
	}

	JsonNode get(String path) {
		return send("GET", path, null);
	}

	JsonNode post(String path, String body) {
		return send("POST", path, body);
	}

	/** The base URL calls go to now, for messages. */
	URI baseUrl() {
		return urlAt(this.current.get());
	}

	private JsonNode send(String method, String path, String body) {
		RetryPolicy retry = this.config.retry();
		for (int attempt = 1;; attempt++) {
			int index = this.current.get();
			HttpRequest request = request(method, urlAt(index).resolve(path), body);
			boolean lastAttempt = attempt > retry.maxRetries();
			SchemaRegistryException failure;
			String reason;
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() / 100 == 2) {
					return parse(request, response);
				}
				boolean retriable = RETRIABLE_STATUSES.contains(response.statusCode());
				failure = RegistryErrors.of(request, response, this.config.credentials(),
						(retriable && lastAttempt) ? attempt : 1);
				if (!retriable) {
					throw failure;
				}
				reason = "HTTP " + response.statusCode() + " " + RegistryErrors.abbreviate(response.body());
			}
			catch (SSLHandshakeException ex) {
				// A certificate the client does not trust, or a client certificate the
				// registry refuses: no retry will change that.
				throw new SchemaRegistryException("TLS handshake with the schema registry at " + request.uri()
						+ " failed: " + ex.getMessage() + "; check the schema.registry.ssl.* settings", ex);
			}
			catch (IOException ex) {
				failure = new SchemaRegistryException("Schema registry at " + request.uri() + " is unreachable"
						+ ((lastAttempt && attempt > 1) ? " after " + attempt + " attempts" : "") + ": " + ex
						+ closedOverTlsHint(request, ex), ex);
				reason = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new SchemaRegistryException("Interrupted calling the schema registry at " + request.uri(), ex);
			}
			if (lastAttempt) {
				throw failure;
			}
			this.current.compareAndSet(index, index + 1);
			Duration wait = retry.backoff(attempt);
			log.warn("Schema registry {} {} attempt {}/{} failed ({}); retrying in {} ms on {}", method, request.uri(),
					attempt, retry.maxAttempts(), reason, wait.toMillis(), baseUrl());
			pause(wait, request);
		}
	}

	private URI urlAt(int index) {
		List<URI> urls = this.config.urls();
		return urls.get(Math.floorMod(index, urls.size()));
	}

	private HttpRequest request(String method, URI uri, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Accept", CONTENT_TYPE)
			.timeout(this.config.requestTimeout());
		this.config.credentials().ifPresent((credentials) -> request.header("Authorization", credentials.header()));
		if (body != null) {
			request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return request.build();
	}

	/**
	 * Over TLS 1.3 a registry that requires a client certificate accepts the handshake
	 * and then closes the connection, which the JDK reports as an empty answer, a reset
	 * or an alert.
	 */
	private static String closedOverTlsHint(HttpRequest request, IOException ex) {
		String message = String.valueOf(ex.getMessage());
		boolean closed = ex instanceof SSLException || message.contains("received no bytes")
				|| message.contains("Connection reset");
		return (closed && "https".equals(request.uri().getScheme()))
				? " (a registry that requires a client certificate closes the connection like this: check "
						+ "schema.registry.ssl.keystore.location)"
				: "";
	}

	private static JsonNode parse(HttpRequest request, HttpResponse<String> response) {
		try {
			return JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new SchemaRegistryException(response.statusCode(), response.statusCode(),
					request.method() + " " + request.uri() + " answered with a body that is not JSON: "
							+ RegistryErrors.abbreviate(response.body()));
		}
	}

	private static void pause(Duration wait, HttpRequest request) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException("Interrupted while waiting to retry " + request.uri(), ex);
		}
	}

}
