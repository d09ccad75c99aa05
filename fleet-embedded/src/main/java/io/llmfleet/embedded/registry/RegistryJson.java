package io.llmfleet.embedded.registry;

import java.util.List;

import io.llmfleet.embedded.registry.SchemaStore.RegisteredSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes the REST API answers with. A schema version is
 * {@code {"subject","version","id","schema"}}: Confluent adds {@code schemaType} only for
 * types other than Avro, and {@code references} only when there are some, so an Avro
 * answer carries neither.
 */
final class RegistryJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private RegistryJson() {
	}

	static ObjectNode object() {
		return JSON.createObjectNode();
	}

	static ObjectNode version(RegisteredSchema schema) {
		return object().put("subject", schema.subject())
			.put("version", schema.version())
			.put("id", schema.id())
			.put("schema", schema.schema());
	}

	static ArrayNode versions(List<RegisteredSchema> schemas) {
		ArrayNode array = JSON.createArrayNode();
		schemas.forEach((schema) -> array.add(version(schema)));
		return array;
	}

	static ArrayNode strings(List<String> values) {
		ArrayNode array = JSON.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	static ArrayNode numbers(List<Integer> values) {
		ArrayNode array = JSON.createArrayNode();
		values.forEach(array::add);
		return array;
	}

	/**
	 * The schema itself, as {@code .../schema} paths answer: parsed JSON, not a string.
	 */
	static JsonNode raw(String schema) {
		return JSON.readTree(schema);
	}

}
