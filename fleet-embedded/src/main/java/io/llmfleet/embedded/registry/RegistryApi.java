package io.llmfleet.embedded.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.llmfleet.embedded.registry.SchemaStore.RegisteredSchema;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST resources of Confluent Schema Registry that the fleet and its clients use,
 * mapped onto a {@link SchemaStore}: schemas by id, subjects and their versions, lookup,
 * compatibility levels and compatibility checks. Knows nothing of HTTP beyond method,
 * path segments, query and JSON bodies; {@link RegistryHttpHandler} does the rest.
 */
final class RegistryApi {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SchemaStore store;

	RegistryApi(SchemaStore store) {
		this.store = store;
	}

	/**
	 * Answers one request.
	 * @param request the parsed request
	 * @return the JSON body of a 200 answer
	 * @throws RegistryException for every error answer
	 */
	JsonNode handle(Request request) {
		List<String> path = request.path();
		String root = path.isEmpty() ? "" : path.get(0);
		return switch (root) {
			case "" -> request.expect("GET", path.size() == 0, JSON::createObjectNode);
			case "schemas" -> schemas(request, path);
			case "subjects" -> subjects(request, path);
			case "config" -> config(request, path);
			case "compatibility" -> compatibility(request, path);
			default -> throw request.notFound();
		};
	}

	private JsonNode schemas(Request request, List<String> path) {
		if (path.size() == 2 && path.get(1).equals("types")) {
			return request.expect("GET", true, () -> strings(List.of("AVRO")));
		}
		if (path.size() < 3 || !path.get(1).equals("ids") || path.size() > 4) {
			throw request.notFound();
		}
		int id = parseId(request, path.get(2));
		if (path.size() == 3) {
			return request.expect("GET", true, () -> JSON.createObjectNode().put("schema", this.store.schemaById(id)));
		}
		return switch (path.get(3)) {
			case "versions" -> request.expect("GET", true, () -> {
				ArrayNode uses = JSON.createArrayNode();
				this.store.usesOf(id)
					.forEach((use) -> uses.addObject().put("subject", use.subject()).put("version", use.version()));
				return uses;
			});
			case "subjects" -> request.expect("GET", true,
					() -> strings(this.store.usesOf(id).stream().map(RegisteredSchema::subject).distinct().toList()));
			default -> throw request.notFound();
		};
	}

	private JsonNode subjects(Request request, List<String> path) {
		if (path.size() == 1) {
			return request.expect("GET", true, () -> strings(this.store.subjects()));
		}
		String subject = path.get(1);
		if (path.size() == 2) {
			return request.expect("POST", true, () -> full(this.store.lookup(subject, schemaOf(request))));
		}
		if (!path.get(2).equals("versions") || path.size() > 5) {
			throw request.notFound();
		}
		if (path.size() == 3) {
			if (request.method().equals("POST")) {
				return JSON.createObjectNode().put("id", this.store.register(subject, schemaOf(request)));
			}
			return request.expect("GET", true, () -> {
				ArrayNode versions = JSON.createArrayNode();
				this.store.versions(subject).forEach(versions::add);
				return versions;
			});
		}
		int version = parseVersion(path.get(3));
		if (path.size() == 4) {
			return request.expect("GET", true, () -> full(this.store.version(subject, version)));
		}
		return request.expect("GET", path.get(4).equals("schema"),
				() -> JSON.readTree(this.store.version(subject, version).schema()));
	}

	private JsonNode config(Request request, List<String> path) {
		if (path.size() > 2) {
			throw request.notFound();
		}
		String subject = (path.size() == 2) ? path.get(1) : null;
		if (request.method().equals("PUT")) {
			JsonNode level = request.body().path("compatibility");
			CompatibilityLevel parsed = CompatibilityLevel.parse(level.isString() ? level.asString() : null);
			this.store.setLevel(subject, parsed);
			return JSON.createObjectNode().put("compatibility", parsed.name());
		}
		return request.expect("GET", true, () -> {
			CompatibilityLevel level = (subject == null) ? this.store.globalLevel() : subjectLevel(request, subject);
			return JSON.createObjectNode().put("compatibilityLevel", level.name());
		});
	}

	private CompatibilityLevel subjectLevel(Request request, String subject) {
		Optional<CompatibilityLevel> level = this.store.subjectLevel(subject);
		if (level.isPresent()) {
			return level.get();
		}
		if (Boolean.parseBoolean(request.query().get("defaultToGlobal"))) {
			return this.store.globalLevel();
		}
		throw RegistryException.subjectLevelConfigNotFound(subject);
	}

	private JsonNode compatibility(Request request, List<String> path) {
		boolean matches = path.size() >= 4 && path.size() <= 5 && path.get(1).equals("subjects")
				&& path.get(3).equals("versions");
		return request.expect("POST", matches, () -> {
			String subject = path.get(2);
			Schema schema = schemaOf(request);
			Optional<Integer> version = (path.size() == 5) ? Optional.of(parseVersion(path.get(4))) : Optional.empty();
			List<String> problems = (version.isEmpty() && this.store.subjects().stream().noneMatch(subject::equals))
					? List.of() : this.store.checkCompatibility(subject, schema, version);
			ObjectNode result = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
			if (Boolean.parseBoolean(request.query().get("verbose"))) {
				result.set("messages", strings(problems));
			}
			return result;
		});
	}

	/**
	 * Parses the {@code schema} of a request body; only Avro without references is
	 * supported.
	 */
	private static Schema schemaOf(Request request) {
		JsonNode body = request.body();
		String type = body.path("schemaType").asString("AVRO");
		if (!type.toUpperCase(Locale.ROOT).equals("AVRO")) {
			throw RegistryException.invalidSchema("schemaType " + type + " is not supported, only AVRO");
		}
		if (!body.path("references").isMissingNode() && !body.path("references").isEmpty()) {
			throw RegistryException.invalidSchema("schema references are not supported");
		}
		JsonNode text = body.path("schema");
		if (!text.isString()) {
			throw RegistryException.invalidSchema("the request has no \"schema\" string");
		}
		try {
			return new Schema.Parser().parse(text.asString());
		}
		catch (RuntimeException ex) {
			// Avro reports bad input in many ways (SchemaParseException,
			// AvroTypeException,
			// even a NullPointerException for an unknown type name): all are the client's
			// fault.
			throw RegistryException.invalidSchema(ex.getMessage());
		}
	}

	private static int parseId(Request request, String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw request.notFound();
		}
	}

	/**
	 * Parses a path version: a number from 1, or {@code latest} (also {@code -1}) as -1.
	 */
	private static int parseVersion(String text) {
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

	private static ObjectNode full(RegisteredSchema schema) {
		return JSON.createObjectNode()
			.put("subject", schema.subject())
			.put("version", schema.version())
			.put("id", schema.id())
			.put("schema", schema.schema());
	}

	private static ArrayNode strings(List<String> values) {
		ArrayNode array = JSON.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	/**
	 * One parsed HTTP request.
	 *
	 * @param method the HTTP method
	 * @param rawPath the path as sent, for error messages
	 * @param path the decoded, non-empty path segments
	 * @param query the decoded query parameters
	 * @param body the JSON body, a missing node when there is none
	 */
	record Request(String method, String rawPath, List<String> path, Map<String, String> query, JsonNode body) {

		/**
		 * Answers with {@code answer} when the method and the path match, else 404 or
		 * 405.
		 */
		JsonNode expect(String expectedMethod, boolean pathMatches, Supplier<JsonNode> answer) {
			if (!pathMatches) {
				throw notFound();
			}
			if (!this.method.equals(expectedMethod)) {
				throw RegistryException.methodNotAllowed(this.method, this.rawPath);
			}
			return answer.get();
		}

		RegistryException notFound() {
			return RegistryException.notFound(this.method, this.rawPath);
		}

	}

}
