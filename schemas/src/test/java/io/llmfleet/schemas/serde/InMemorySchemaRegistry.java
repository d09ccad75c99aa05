package io.llmfleet.schemas.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

import io.llmfleet.schemas.registry.RegisteredSchema;
import io.llmfleet.schemas.registry.SchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;

/**
 * A registry held in memory for serde unit tests, with Confluent's not-found codes and no
 * compatibility checks; the REST client against a real registry is tested in
 * fleet-embedded.
 */
class InMemorySchemaRegistry implements SchemaRegistryClient {

	private final Map<Schema, Integer> ids = new HashMap<>();

	private final Map<Integer, Schema> schemas = new HashMap<>();

	/** Subject to the ids of its versions, oldest first. */
	private final Map<String, List<Integer>> subjects = new HashMap<>();

	@Override
	public synchronized int register(String subject, Schema schema) {
		int id = this.ids.computeIfAbsent(schema, (s) -> {
			int next = this.ids.size() + 1;
			this.schemas.put(next, s);
			return next;
		});
		List<Integer> versions = this.subjects.computeIfAbsent(subject, (s) -> new ArrayList<>());
		if (!versions.contains(id)) {
			versions.add(id);
		}
		return id;
	}

	@Override
	public synchronized int lookup(String subject, Schema schema) {
		List<Integer> versions = versionsOf(subject);
		Integer id = this.ids.get(schema);
		if (id == null || !versions.contains(id)) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
		}
		return id;
	}

	@Override
	public synchronized Schema getById(int id) {
		Schema schema = this.schemas.get(id);
		if (schema == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
		}
		return schema;
	}

	@Override
	public synchronized RegisteredSchema latest(String subject) {
		List<Integer> versions = versionsOf(subject);
		int id = versions.get(versions.size() - 1);
		return new RegisteredSchema(subject, id, versions.size(), this.schemas.get(id));
	}

	/** The subjects that have versions, for assertions on subject name strategies. */
	synchronized List<String> subjects() {
		return List.copyOf(this.subjects.keySet());
	}

	private List<Integer> versionsOf(String subject) {
		List<Integer> versions = this.subjects.get(subject);
		if (versions == null) {
			throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
					"Subject '" + subject + "' not found.");
		}
		return versions;
	}

}
