package io.llmfleet.worker.vllm.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads vLLM's error bodies, which come in several shapes across versions: vLLM's
 * {@code {"object":"error","message":...,"code":400}}, the OpenAI
 * {@code {"error":{"message":...,"code":400}}} and FastAPI's {@code {"detail":"Not
 * Found"}}.
 */
public final class ErrorBodies {

	/** What stands for the message of an error answer without a body. */
	public static final String EMPTY = "(empty body)";

	private static final int QUOTED_CHARS = 300;

	private ErrorBodies() {
	}

	/**
	 * The error message of a body.
	 * @param body the body as it came
	 * @return the message, or the body abbreviated when no known shape matches
	 */
	static String message(String body) {
		JsonNode node = parse(body);
		String message = (node != null) ? message(node) : null;
		if (message != null) {
			return message;
		}
		return body.isBlank() ? EMPTY : abbreviate(body);
	}

	/**
	 * Whether an error answer came without a body.
	 * @param message the message {@link #message(String)} read from it, may be null
	 * @return true when there was no body
	 */
	public static boolean isEmpty(String message) {
		return message == null || message.isBlank() || EMPTY.equals(message);
	}

	/**
	 * The error message of a parsed body or stream event.
	 * @param node the JSON
	 * @return the message, null when the JSON is no error
	 */
	static String message(JsonNode node) {
		JsonNode error = node.path("error");
		if (error.isString()) {
			return error.asString();
		}
		if (error.path("message").isString()) {
			return error.path("message").asString();
		}
		if ("error".equals(node.path("object").asString(null)) && node.path("message").isString()) {
			return node.path("message").asString();
		}
		if (node.path("detail").isString()) {
			return node.path("detail").asString();
		}
		return null;
	}

	/**
	 * The HTTP status an error event names.
	 * @param node the JSON of an error event
	 * @param otherwise the status to use when it names none
	 * @return the status
	 */
	static int code(JsonNode node, int otherwise) {
		JsonNode code = node.path("error").isObject() ? node.path("error").path("code") : node.path("code");
		int value = code.isIntegralNumber() ? code.asInt() : otherwise;
		return (value >= 400 && value < 600) ? value : otherwise;
	}

	static JsonNode parse(String text) {
		try {
			return VllmChat.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			// not JSON: a proxy's page or plain text
			return null;
		}
	}

	static String abbreviate(String text) {
		String oneLine = text.strip().replace('\n', ' ');
		return (oneLine.length() <= QUOTED_CHARS) ? oneLine : oneLine.substring(0, QUOTED_CHARS) + "...";
	}

}
