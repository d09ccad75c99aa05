package io.llmfleet.schemas.serde;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;

import io.llmfleet.schemas.registry.SchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;

/**
 * A registry held in memory for serde unit tests; the REST client against a real registry
 * is tested in fleet-embedded.
 */
class InMemorySchemaRegistry implements SchemaRegistryClient {

	private final Map<Schema, Integer> ids = new HashMap<>();

	private final Map<Integer, Schema> schemas = new HashMap<>();

	private final Map<String, Schema> latestBySubject = new HashMap<>();

	@Override
	public synchronized int register(String subject, Schema schema) {
		this.latestBySubject.put(subject, schema);
		return this.ids.computeIfAbsent(schema, (s) -> {
			int id = this.ids.size() + 1;
			this.schemas.put(id, s);
			return id;
		});
	}

	@Override
	public synchronized int lookup(String subject, Schema schema) {
		if (!schema.equals(this.latestBySubject.get(subject))) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
		}
		return this.ids.get(schema);
	}

	@Override
	public synchronized Schema getById(int id) {
		Schema schema = this.schemas.get(id);
		if (schema == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
		}
		return schema;
	}

}
