package io.llmfleet.embedded.registry;

/**
 * One fact in the registry's log: a schema registered (or soft-deleted) as a subject's
 * version, a compatibility level set globally or for a subject, or the removal of either.
 * Replaying all of them in order rebuilds the registry.
 */
sealed interface RegistryRecord {

	/**
	 * A schema registered under a subject, or soft-deleted there.
	 *
	 * @param subject the subject
	 * @param version the version within the subject, from 1
	 * @param id the global schema id, shared by every subject holding the same schema
	 * @param schema the schema in canonical form
	 * @param deleted whether the version is soft-deleted: hidden from listings, still
	 * readable by id
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

	/**
	 * A version hard-deleted ({@code permanent=true}): a tombstone for its key.
	 *
	 * @param subject the subject
	 * @param version the version
	 */
	record SchemaTombstone(String subject, int version) implements RegistryRecord {
	}

	/**
	 * A compatibility level removed, so the subject falls back to the global level (or
	 * the global level to the default): a tombstone for its key.
	 *
	 * @param subject the subject, or {@code null} for the global level
	 */
	record ConfigTombstone(String subject) implements RegistryRecord {
	}

}
