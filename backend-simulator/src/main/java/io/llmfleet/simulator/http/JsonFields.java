package io.llmfleet.simulator.http;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Typed reads of optional request fields. A field that is absent or null gives the
 * default; a field of the wrong type is a 400 that names the field and quotes the value,
 * instead of a silent default the client would never notice.
 */
public final class JsonFields {

	private JsonFields() {
	}

	public static String string(JsonNode object, String field, String fallback) {
		JsonNode value = present(object, field);
		if (value == null) {
			return fallback;
		}
		if (!value.isString()) {
			throw wrongType(field, "a string", value);
		}
		return value.asString();
	}

	public static boolean bool(JsonNode object, String field, boolean fallback) {
		JsonNode value = present(object, field);
		if (value == null) {
			return fallback;
		}
		if (!value.isBoolean()) {
			throw wrongType(field, "a boolean", value);
		}
		return value.asBoolean();
	}

	public static long integer(JsonNode object, String field, long fallback) {
		JsonNode value = present(object, field);
		if (value == null) {
			return fallback;
		}
		if (!value.isIntegralNumber()) {
			throw wrongType(field, "an integer", value);
		}
		return value.asLong();
	}

	public static Double number(JsonNode object, String field) {
		JsonNode value = present(object, field);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			throw wrongType(field, "a number", value);
		}
		return value.asDouble();
	}

	/**
	 * Reads a string or a list of strings, as {@code stop} may be either.
	 * @param object the object holding the field
	 * @param field the field name
	 * @return the strings, empty when the field is absent
	 */
	public static List<String> strings(JsonNode object, String field) {
		JsonNode value = present(object, field);
		if (value == null) {
			return List.of();
		}
		if (value.isString()) {
			return List.of(value.asString());
		}
		if (!value.isArray()) {
			throw wrongType(field, "a string or a list of strings", value);
		}
		List<String> strings = new ArrayList<>();
		for (JsonNode element : value) {
			if (!element.isString()) {
				throw wrongType(field, "a string or a list of strings", value);
			}
			strings.add(element.asString());
		}
		return strings;
	}

	/**
	 * Reads an object field.
	 * @param object the object holding the field
	 * @param field the field name
	 * @return the object, or a missing node when absent
	 */
	public static JsonNode object(JsonNode object, String field) {
		JsonNode value = present(object, field);
		if (value == null) {
			return MissingNode.getInstance();
		}
		if (!value.isObject()) {
			throw wrongType(field, "an object", value);
		}
		return value;
	}

	private static JsonNode present(JsonNode object, String field) {
		JsonNode value = object.get(field);
		return (value == null || value.isNull()) ? null : value;
	}

	private static HttpError wrongType(String field, String type, JsonNode value) {
		return HttpError.badRequest("field \"" + field + "\" must be " + type + " but was " + value);
	}

}
