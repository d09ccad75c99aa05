package io.llmfleet.schemas.serde;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

import io.llmfleet.schemas.registry.RestSchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryClient;

/**
 * The serde settings, under Confluent's own property names so that the same client
 * configuration works with Confluent's serializers and ours.
 */
final class SerdeConfig {

	/** Base URL of the schema registry. */
	static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

	/** Whether the serializer registers a schema it has not seen (default true). */
	static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	/**
	 * With auto-registration off, write with the subject's latest version instead of
	 * looking up the record's own schema (default false).
	 */
	static final String USE_LATEST_VERSION = "use.latest.version";

	/**
	 * With {@link #USE_LATEST_VERSION}, refuse a latest version that cannot read the
	 * record's own schema (default true).
	 */
	static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";

	/** Subject name strategy for keys: a {@link SubjectNameStrategy} name. */
	static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

	/** Subject name strategy for values: a {@link SubjectNameStrategy} name. */
	static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

	/**
	 * The largest value, in bytes, the deserializer decodes (default 1 MiB, the broker's
	 * default {@code message.max.bytes}); a larger one fails as poison before any
	 * decoding. Ours: Confluent has no such setting.
	 */
	static final String MAX_RECORD_BYTES = "fleet.avro.max.record.bytes";

	private SerdeConfig() {
	}

	static SchemaRegistryClient registryClient(Map<String, ?> configs) {
		// Reads the URL list, basic auth, TLS and retry settings under Confluent's names.
		return RestSchemaRegistryClient.fromConfigs(configs);
	}

	/**
	 * {@link #MAX_RECORD_BYTES}: a positive number of bytes, else configuration stops.
	 */
	static int maxRecordBytes(Map<String, ?> configs) {
		Object value = configs.get(MAX_RECORD_BYTES);
		String text = (value == null) ? "" : value.toString().trim();
		if (text.isEmpty()) {
			return 1024 * 1024;
		}
		try {
			int bytes = Integer.parseInt(text);
			if (bytes > 0) {
				return bytes;
			}
		}
		catch (NumberFormatException ex) {
			// Reported below with the value quoted.
		}
		throw new ConfigException(MAX_RECORD_BYTES, value, "must be a positive number of bytes");
	}

	static boolean autoRegister(Map<String, ?> configs) {
		return flag(configs, AUTO_REGISTER_SCHEMAS, true);
	}

	static boolean useLatestVersion(Map<String, ?> configs) {
		return flag(configs, USE_LATEST_VERSION, false);
	}

	static boolean latestCompatibilityStrict(Map<String, ?> configs) {
		return flag(configs, LATEST_COMPATIBILITY_STRICT, true);
	}

	static SubjectNameStrategy subjectNameStrategy(Map<String, ?> configs, boolean isKey) {
		String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
		return SubjectNameStrategy.from(key, configs.get(key));
	}

	/** A boolean setting; anything but true or false stops configuration. */
	private static boolean flag(Map<String, ?> configs, String key, boolean fallback) {
		Object value = configs.get(key);
		String text = (value == null) ? "" : value.toString().trim();
		if (text.isEmpty()) {
			return fallback;
		}
		if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
			throw new ConfigException(key, value, "must be true or false");
		}
		return Boolean.parseBoolean(text);
	}

	static String subject(String topic, boolean isKey) {
		return SubjectNameStrategy.TOPIC.subject(topic, isKey, null);
	}

}
