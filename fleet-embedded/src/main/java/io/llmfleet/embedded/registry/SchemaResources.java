package io.llmfleet.embedded.registry;

import java.util.List;

import io.llmfleet.embedded.registry.SchemaStore.RegisteredSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /schemas}: schemas by global id (what deserializers call), the subjects and
 * versions that use an id, the list of all schemas, and the supported types. Soft-deleted
 * schemas stay readable by id, as in Confluent.
 */
final class SchemaResources {

	private final SchemaStore store;

	SchemaResources(SchemaStore store) {
		this.store = store;
	}

	JsonNode handle(RegistryRequest request) {
		List<String> path = request.path();
		if (path.size() == 1) {
			// ?subjectPrefix=&deleted=&latestOnly= as in Confluent; offset and limit are
			// not needed for a registry of this size.
			return request.expect("GET", true, () -> RegistryJson.versions(this.store
				.schemas(request.query().get("subjectPrefix"), request.filter(), request.flag("latestOnly"))));
		}
		if (path.size() == 2 && path.get(1).equals("types")) {
			return request.expect("GET", true, () -> RegistryJson.strings(List.of("AVRO")));
		}
		if (path.size() < 3 || path.size() > 4 || !path.get(1).equals("ids")) {
			throw request.notFound();
		}
		int id = parseId(request, path.get(2));
		if (path.size() == 3) {
			// ?subject= only picks a context in Confluent; there is one context here.
			return request.expect("GET", true, () -> byId(request, id));
		}
		return switch (path.get(3)) {
			case "schema" -> request.expect("GET", true, () -> RegistryJson.raw(this.store.schemaById(id)));
			case "versions" -> request.expect("GET", true, () -> {
				ArrayNode uses = RegistryJson.JSON.createArrayNode();
				this.store.usesOf(id, request.filter())
					.forEach((use) -> uses.addObject().put("subject", use.subject()).put("version", use.version()));
				return uses;
			});
			case "subjects" -> request.expect("GET", true,
					() -> RegistryJson.strings(this.store.usesOf(id, request.filter())
						.stream()
						.map(RegisteredSchema::subject)
						.distinct()
						.toList()));
			default -> throw request.notFound();
		};
	}

	private ObjectNode byId(RegistryRequest request, int id) {
		ObjectNode answer = RegistryJson.object().put("schema", this.store.schemaById(id));
		if (request.flag("fetchMaxId")) {
			answer.put("maxId", this.store.maxId());
		}
		return answer;
	}

	private static int parseId(RegistryRequest request, String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw request.notFound();
		}
	}

}
