package io.llmfleet.embedded.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;

/**
 * One parsed REST request, with the helpers every resource needs: route by method (405
 * for the others), read flags and the lookup filter from the query, and parse the Avro
 * schema of the body. Query parameters a resource does not read (Confluent's
 * {@code normalize}, {@code format}, {@code subject}, ...) are tolerated.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent, for error messages
 * @param path the decoded, non-empty path segments
 * @param query the decoded query parameters
 * @param body the JSON body, a missing node when there is none
 */
record RegistryRequest(String method, String rawPath, List<String> path, Map<String, String> query, JsonNode body) {

	/**
	 * Answers with {@code answer} when the method and the path match, else 404 or 405.
	 */
	JsonNode expect(String expectedMethod, boolean pathMatches, Supplier<JsonNode> answer) {
		if (!pathMatches) {
			throw notFound();
		}
		return route(Map.of(expectedMethod, answer));
	}

	/** Answers with the supplier registered for the request's method, else 405. */
	JsonNode route(Map<String, Supplier<JsonNode>> byMethod) {
		Supplier<JsonNode> answer = byMethod.get(this.method);
		if (answer == null) {
			throw RegistryException.methodNotAllowed(this.method, this.rawPath);
		}
		return answer.get();
	}

	RegistryException notFound() {
		return RegistryException.notFound(this.method, this.rawPath);
	}

	/** A boolean query parameter; absent means false. */
	boolean flag(String name) {
		return Boolean.parseBoolean(this.query.get(name));
	}

	LookupFilter filter() {
		return LookupFilter.of(this.query);
	}

	/**
	 * Parses the {@code schema} of the body; only Avro without references is supported.
	 * @throws RegistryException 42201 for anything else
	 */
	Schema schema() {
		String type = this.body.path("schemaType").asString("AVRO");
		if (!type.toUpperCase(Locale.ROOT).equals("AVRO")) {
			throw RegistryException.invalidSchema("schemaType " + type + " is not supported, only AVRO");
		}
		if (!this.body.path("references").isMissingNode() && !this.body.path("references").isEmpty()) {
			throw RegistryException.invalidSchema("schema references are not supported");
		}
		JsonNode text = this.body.path("schema");
		if (!text.isString()) {
			throw RegistryException.invalidSchema("the request has no \"schema\" string");
		}
		try {
			return new Schema.Parser().parse(text.asString());
		}
		catch (RuntimeException ex) {
			// Avro reports bad input in many ways (SchemaParseException,
			// AvroTypeException, even a NullPointerException for an unknown type name):
			// all are the client's fault.
			throw RegistryException.invalidSchema(ex.getMessage());
		}
	}

	/**
	 * Parses a path version: a number from 1, or {@code latest} (also {@code -1}) as -1.
	 * @throws RegistryException 42202 otherwise
	 */
	static int version(String text) {
		if (text.equals("latest")) {
			return -1;
		}
		try {
			int version = Integer.parseInt(text);
			if (version >= 1 || version == -1) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// Falls through to the API's own error for versions.
		}
		throw RegistryException.invalidVersion(text);
	}

}
