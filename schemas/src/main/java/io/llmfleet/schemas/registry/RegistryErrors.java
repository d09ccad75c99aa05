package io.llmfleet.schemas.registry;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an error answer of the registry into a {@link SchemaRegistryException}: the
 * registry's {@code error_code} and {@code message} when the body is Confluent's error
 * JSON, the raw body otherwise (a proxy or a crashed registry answers in HTML or plain
 * text), and for 401 and 403 a message that says which setting to check.
 */
final class RegistryErrors {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_BODY_IN_MESSAGE = 300;

	private RegistryErrors() {
	}

	static SchemaRegistryException of(HttpRequest request, HttpResponse<String> response,
			Optional<BasicAuthCredentials> credentials, int attempts) {
		int status = response.statusCode();
		int errorCode = status;
		String message = abbreviate(response.body());
		try {
			JsonNode error = JSON.readTree(response.body());
			errorCode = error.path("error_code").asInt(errorCode);
			message = error.path("message").asString(message);
		}
		catch (RuntimeException notJson) {
			// Keep the raw body as the message.
		}
		String call = request.method() + " " + request.uri();
		if (status == 401) {
			message = "the schema registry requires authentication and "
					+ credentials.map((c) -> "rejected the credentials of user '" + c.user() + "'")
						.orElse("no credentials are configured")
					+ "; set " + BasicAuthCredentials.SOURCE + "=USER_INFO with " + BasicAuthCredentials.USER_INFO
					+ "=user:secret, or put user:secret@ in schema.registry.url (registry said: " + message + ")";
		}
		else if (status == 403) {
			message = credentials.map((c) -> "user '" + c.user() + "'").orElse("an anonymous client")
					+ " is not allowed to do this (registry said: " + message + ")";
		}
		String tries = (attempts > 1) ? ", gave up after " + attempts + " attempts" : "";
		return new SchemaRegistryException(status, errorCode, call + ": " + message + tries);
	}

	static String abbreviate(String body) {
		String text = (body == null) ? "" : body.strip();
		return (text.length() <= MAX_BODY_IN_MESSAGE) ? text : text.substring(0, MAX_BODY_IN_MESSAGE) + "...";
	}

}
