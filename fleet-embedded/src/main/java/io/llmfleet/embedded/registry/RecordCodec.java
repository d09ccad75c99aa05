package io.llmfleet.embedded.registry;

import java.util.Optional;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads {@link RegistryRecord}s as the JSON keys and values of the registry's
 * compacted topic. The layout follows Confluent Schema Registry's {@code _schemas} topic
 * (key {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}}, value
 * {@code {"subject","version","id","schema","deleted"}}; config key
 * {@code keytype CONFIG} with value {@code {"compatibilityLevel":..}}), so compaction
 * keeps the latest fact per subject version and per config.
 */
final class RecordCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SCHEMA_KEY = "SCHEMA";

	private static final String CONFIG_KEY = "CONFIG";

	private RecordCodec() {
	}

	static String key(RegistryRecord record) {
		ObjectNode key = JSON.createObjectNode();
		if (record instanceof SchemaRecord schema) {
			key.put("keytype", SCHEMA_KEY).put("subject", schema.subject()).put("version", schema.version());
			key.put("magic", 1);
		}
		else if (record instanceof ConfigRecord config) {
			key.put("keytype", CONFIG_KEY).put("subject", config.subject()).put("magic", 0);
		}
		return JSON.writeValueAsString(key);
	}

	static String value(RegistryRecord record) {
		ObjectNode value = JSON.createObjectNode();
		if (record instanceof SchemaRecord schema) {
			value.put("subject", schema.subject()).put("version", schema.version()).put("id", schema.id());
			value.put("schema", schema.schema()).put("deleted", schema.deleted());
		}
		else if (record instanceof ConfigRecord config) {
			value.put("compatibilityLevel", config.level().name());
		}
		return JSON.writeValueAsString(value);
	}

	/**
	 * Reads one topic record back.
	 * @param key the record key
	 * @param value the record value, {@code null} for a tombstone
	 * @return the fact, or empty for key types this registry does not use (Confluent's
	 * {@code NOOP}, {@code MODE}, ...) and for tombstones
	 */
	static Optional<RegistryRecord> read(String key, String value) {
		if (key == null || value == null) {
			return Optional.empty();
		}
		JsonNode keyNode = JSON.readTree(key);
		JsonNode valueNode = JSON.readTree(value);
		String keyType = keyNode.path("keytype").asString("");
		if (SCHEMA_KEY.equals(keyType)) {
			return Optional.of(new SchemaRecord(valueNode.path("subject").asString(), valueNode.path("version").asInt(),
					valueNode.path("id").asInt(), valueNode.path("schema").asString(),
					valueNode.path("deleted").asBoolean(false)));
		}
		if (CONFIG_KEY.equals(keyType)) {
			JsonNode subject = keyNode.path("subject");
			return Optional.of(new ConfigRecord(subject.isString() ? subject.asString() : null,
					CompatibilityLevel.parse(valueNode.path("compatibilityLevel").asString())));
		}
		return Optional.empty();
	}

}
