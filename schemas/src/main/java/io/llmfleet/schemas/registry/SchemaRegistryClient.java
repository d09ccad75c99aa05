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
	 * @throws SchemaRegistryException with error code 409 when the subject's
	 * compatibility level refuses it
	 */
	int register(String subject, Schema schema);

	/**
	 * Finds the id of {@code schema} already registered under {@code subject}.
	 * @throws SchemaRegistryException with error code 40401 or 40403 when it is not there
	 */
	int lookup(String subject, Schema schema);

	/** Fetches the schema with the given global id. */
	Schema getById(int id);

	/**
	 * Fetches the latest version of a subject, never from a cache: callers that want one
	 * keep it themselves, as {@code use.latest.version} does.
	 * @throws SchemaRegistryException with error code 40401 when the subject has no
	 * version
	 */
	default RegisteredSchema latest(String subject) {
		throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot fetch the latest version of "
				+ subject + ", which use.latest.version needs");
	}

}
