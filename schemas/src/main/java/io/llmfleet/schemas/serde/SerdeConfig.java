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

	private SerdeConfig() {
	}

	static SchemaRegistryClient registryClient(Map<String, ?> configs) {
		Object url = configs.get(SCHEMA_REGISTRY_URL);
		if (url == null || url.toString().isBlank()) {
			throw new ConfigException(SCHEMA_REGISTRY_URL, url, "is required by the llm-fleet Avro serde");
		}
		// Confluent accepts a comma-separated list; the first reachable URL is enough for
		// us.
		return new RestSchemaRegistryClient(url.toString().split(",")[0].trim());
	}

	static boolean autoRegister(Map<String, ?> configs) {
		Object value = configs.get(AUTO_REGISTER_SCHEMAS);
		return value == null || Boolean.parseBoolean(value.toString());
	}

	static String subject(String topic, boolean isKey) {
		return topic + (isKey ? "-key" : "-value");
	}

}
