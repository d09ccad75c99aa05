package io.llmfleet.schemas.registry;

import org.apache.avro.Schema;

/**
 * What the serializers need from a schema registry. Implementations are thread-safe and
 * cache what they learn, so a schema costs at most one round trip per process.
 */
public interface SchemaRegistryClient {

	/**
	 * Registers {@code schema} under {@code subject} (a no-op when it is already there).
	 * @return the schema's global id
	 */
	int register(String subject, Schema schema);

	/**
	 * Finds the id of {@code schema} already registered under {@code subject}.
	 * @throws SchemaRegistryException with error code 40401 or 40403 when it is not there
	 */
	int lookup(String subject, Schema schema);

	/** Fetches the schema with the given global id. */
	Schema getById(int id);

}
