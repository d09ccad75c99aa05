package io.llmfleet.embedded.registry;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST resources of Confluent Schema Registry that its Java, Python and Node clients
 * call, mapped onto a {@link SchemaStore}: {@code /schemas}, {@code /subjects},
 * {@code /compatibility}, {@code /config}, {@code /mode} and {@code /contexts}. Knows
 * nothing of HTTP beyond method, path segments, query and JSON bodies;
 * {@link RegistryHttpHandler} does the rest.
 */
final class RegistryApi {

	private final SchemaStore store;

	private final SchemaResources schemas;

	private final SubjectResources subjects;

	private final ConfigResources config;

	RegistryApi(SchemaStore store) {
		this.store = store;
		this.schemas = new SchemaResources(store);
		this.subjects = new SubjectResources(store);
		this.config = new ConfigResources(store);
	}

	/**
	 * Answers one request.
	 * @param request the parsed request
	 * @return the JSON body of a 200 answer
	 * @throws RegistryException for every error answer
	 */
	JsonNode handle(RegistryRequest request) {
		List<String> path = request.path();
		String root = path.isEmpty() ? "" : path.get(0);
		return switch (root) {
			case "" -> request.expect("GET", path.isEmpty(), RegistryJson::object);
			case "schemas" -> this.schemas.handle(request);
			case "subjects" -> this.subjects.handle(request);
			case "config" -> this.config.config(request);
			case "mode" -> this.config.mode(request);
			case "compatibility" -> compatibility(request, path);
			// One context, the default one, as Confluent names it.
			case "contexts" -> request.expect("GET", path.size() == 1, () -> RegistryJson.strings(List.of(".")));
			default -> throw request.notFound();
		};
	}

	/**
	 * {@code POST /compatibility/subjects/{subject}/versions[/{version}]}: checks without
	 * registering; {@code verbose=true} adds the problems, each naming its field.
	 */
	private JsonNode compatibility(RegistryRequest request, List<String> path) {
		boolean matches = path.size() >= 4 && path.size() <= 5 && path.get(1).equals("subjects")
				&& path.get(3).equals("versions");
		return request.expect("POST", matches, () -> {
			Optional<Integer> version = (path.size() == 5) ? Optional.of(RegistryRequest.version(path.get(4)))
					: Optional.empty();
			List<String> problems = this.store.checkCompatibility(path.get(2), request.schema(), version);
			ObjectNode result = RegistryJson.object().put("is_compatible", problems.isEmpty());
			if (request.flag("verbose")) {
				result.set("messages", RegistryJson.strings(problems));
			}
			return result;
		});
	}

}
