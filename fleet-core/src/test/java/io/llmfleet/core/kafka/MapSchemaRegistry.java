package io.llmfleet.core.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

import io.llmfleet.schemas.registry.SchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;

/** A schema registry in a map, one id per distinct schema, for tests without HTTP. */
class MapSchemaRegistry implements SchemaRegistryClient {

	private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

	@Override
	public synchronized int register(String subject, Schema schema) {
		return this.ids.computeIfAbsent(schema, (s) -> {
			int id = this.ids.size() + 1;
			this.schemas.put(id, s);
			return id;
		});
	}

	@Override
	public int lookup(String subject, Schema schema) {
		Integer id = this.ids.get(schema);
		if (id == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
		}
		return id;
	}

	@Override
	public Schema getById(int id) {
		Schema schema = this.schemas.get(id);
		if (schema == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
		}
		return schema;
	}

}
