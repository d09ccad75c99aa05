package io.llmfleet.embedded.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The HTTP side of the registry: checks basic-auth credentials when some are configured,
 * decodes path segments, query and JSON body, hands them to {@link RegistryApi}, and
 * writes the answer as {@code application/vnd.schemaregistry.v1+json} or an error as
 * {@code {"error_code": n, "message": "..."}}.
 */
final class RegistryHttpHandler implements HttpHandler {

	/** The content type Confluent Schema Registry answers with. */
	static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	/**
	 * Request content types Confluent Schema Registry accepts; no content type is
	 * accepted too.
	 */
	private static final Set<String> ACCEPTED_TYPES = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json",
			"application/json", "application/octet-stream");

	private static final Logger log = LoggerFactory.getLogger(RegistryHttpHandler.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RegistryApi api;

	/** The expected {@code Authorization} header, or null when anyone may call. */
	private final byte[] authorization;

	RegistryHttpHandler(RegistryApi api, Optional<String> basicAuthUserInfo) {
		this.api = api;
		this.authorization = basicAuthUserInfo.map(
				(userInfo) -> ("Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
					.getBytes(StandardCharsets.UTF_8))
			.orElse(null);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			int status = 200;
			JsonNode body;
			try {
				authenticate(exchange);
				body = this.api.handle(parse(exchange));
			}
			catch (RegistryException ex) {
				status = ex.status();
				body = error(ex);
				log.debug("{} {} -> {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), ex.errorCode(),
						ex.getMessage());
			}
			catch (RuntimeException ex) {
				RegistryException internal = RegistryException.internal(ex);
				status = internal.status();
				body = error(internal);
				log.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
			}
			byte[] bytes = JSON.writeValueAsBytes(body);
			exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	/**
	 * Refuses a call without the configured basic-auth credentials, as Confluent's
	 * registry does with 401 and a {@code WWW-Authenticate} challenge.
	 */
	private void authenticate(HttpExchange exchange) {
		if (this.authorization == null) {
			return;
		}
		String sent = exchange.getRequestHeaders().getFirst("Authorization");
		// Constant-time comparison: the answer time must not hint at the password.
		if (sent == null || !MessageDigest.isEqual(this.authorization, sent.getBytes(StandardCharsets.UTF_8))) {
			exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
			throw RegistryException.unauthorized();
		}
	}

	private static RegistryRequest parse(HttpExchange exchange) throws IOException {
		URI uri = exchange.getRequestURI();
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		return new RegistryRequest(method, uri.getRawPath(), segments(uri.getRawPath()), query(uri.getRawQuery()),
				body(exchange));
	}

	private static JsonNode body(HttpExchange exchange) throws IOException {
		byte[] bytes;
		try (InputStream in = exchange.getRequestBody()) {
			bytes = in.readAllBytes();
		}
		if (bytes.length == 0) {
			return MissingNode.getInstance();
		}
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		if (contentType != null) {
			String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
			if (!ACCEPTED_TYPES.contains(mediaType)) {
				throw RegistryException.unsupportedMediaType(contentType);
			}
		}
		try {
			return JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw RegistryException.badRequest("the body is not JSON: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Splits and percent-decodes the path; a literal '+' stays a '+' as in any URI path.
	 */
	private static List<String> segments(String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String segment : rawPath.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
			}
		}
		return segments;
	}

	private static Map<String, String> query(String rawQuery) {
		Map<String, String> query = new HashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				String[] nameValue = pair.split("=", 2);
				query.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
						(nameValue.length == 2) ? URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8) : "");
			}
		}
		return query;
	}

	private static JsonNode error(RegistryException ex) {
		return JSON.createObjectNode().put("error_code", ex.errorCode()).put("message", ex.getMessage());
	}

}
