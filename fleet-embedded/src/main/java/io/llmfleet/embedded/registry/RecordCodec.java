package io.llmfleet.embedded.registry;

import java.util.Optional;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.ConfigTombstone;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaTombstone;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads {@link RegistryRecord}s as the JSON keys and values of the registry's
 * compacted topic. The layout follows Confluent Schema Registry's {@code _schemas} topic
 * (key {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}}, value
 * {@code {"subject","version","id","schema","deleted"}}; config key
 * {@code keytype CONFIG} with value {@code {"compatibilityLevel":..}}), so compaction
 * keeps the latest fact per subject version and per config, and a hard delete is a
 * tombstone (null value) for its key, as Confluent writes it.
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
			schemaKey(key, schema.subject(), schema.version());
		}
		else if (record instanceof SchemaTombstone tombstone) {
			schemaKey(key, tombstone.subject(), tombstone.version());
		}
		else if (record instanceof ConfigRecord config) {
			key.put("keytype", CONFIG_KEY).put("subject", config.subject()).put("magic", 0);
		}
		else if (record instanceof ConfigTombstone tombstone) {
			key.put("keytype", CONFIG_KEY).put("subject", tombstone.subject()).put("magic", 0);
		}
		return JSON.writeValueAsString(key);
	}

	private static void schemaKey(ObjectNode key, String subject, int version) {
		key.put("keytype", SCHEMA_KEY).put("subject", subject).put("version", version).put("magic", 1);
	}

	/** The record value; {@code null} for the tombstones. */
	static String value(RegistryRecord record) {
		ObjectNode value = JSON.createObjectNode();
		if (record instanceof SchemaRecord schema) {
			value.put("subject", schema.subject()).put("version", schema.version()).put("id", schema.id());
			value.put("schema", schema.schema()).put("deleted", schema.deleted());
		}
		else if (record instanceof ConfigRecord config) {
			value.put("compatibilityLevel", config.level().name());
		}
		else {
			return null;
		}
		return JSON.writeValueAsString(value);
	}

	/**
	 * Reads one topic record back.
	 * @param key the record key
	 * @param value the record value, {@code null} for a tombstone
	 * @return the fact, or empty for key types this registry does not use (Confluent's
	 * {@code NOOP}, {@code MODE}, ...)
	 */
	static Optional<RegistryRecord> read(String key, String value) {
		if (key == null) {
			return Optional.empty();
		}
		JsonNode keyNode = JSON.readTree(key);
		String keyType = keyNode.path("keytype").asString("");
		JsonNode subject = keyNode.path("subject");
		String subjectName = subject.isString() ? subject.asString() : null;
		if (SCHEMA_KEY.equals(keyType)) {
			if (value == null) {
				return Optional.of(new SchemaTombstone(subjectName, keyNode.path("version").asInt()));
			}
			JsonNode valueNode = JSON.readTree(value);
			return Optional.of(new SchemaRecord(valueNode.path("subject").asString(), valueNode.path("version").asInt(),
					valueNode.path("id").asInt(), valueNode.path("schema").asString(),
					valueNode.path("deleted").asBoolean(false)));
		}
		if (CONFIG_KEY.equals(keyType)) {
			JsonNode level = (value != null) ? JSON.readTree(value).path("compatibilityLevel") : null;
			if (level == null || !level.isString()) {
				// Confluent also stores other settings here (normalize, ...); without a
				// level the subject falls back to the global one.
				return Optional.of(new ConfigTombstone(subjectName));
			}
			return Optional.of(new ConfigRecord(subjectName, CompatibilityLevel.parse(level.asString())));
		}
		return Optional.empty();
	}

}
