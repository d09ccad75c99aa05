package io.llmfleet.embedded.registry;

/**
 * One fact in the registry's log: a schema registered as a subject's version, or a
 * compatibility level set globally or for a subject. Replaying all of them in order
 * rebuilds the registry.
 */
sealed interface RegistryRecord {

	/**
	 * A schema registered under a subject.
	 *
	 * @param subject the subject
	 * @param version the version within the subject, from 1
	 * @param id the global schema id, shared by every subject holding the same schema
	 * @param schema the schema in canonical form
	 * @param deleted whether the version was soft-deleted (never written by this
	 * registry, honoured when read)
	 */
	record SchemaRecord(String subject, int version, int id, String schema, boolean deleted) implements RegistryRecord {
	}

	/**
	 * A compatibility level.
	 *
	 * @param subject the subject, or {@code null} for the global level
	 * @param level the level
	 */
	record ConfigRecord(String subject, CompatibilityLevel level) implements RegistryRecord {
	}

}
