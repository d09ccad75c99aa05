package io.llmfleet.embedded.registry;

/**
 * Where the registry writes its facts before it answers: the compacted Kafka topic in
 * production, a list in unit tests.
 */
interface SchemaLog {

	/**
	 * Appends one fact durably; returns only once it is stored.
	 * @param record the fact
	 * @throws RegistryException 50001 when it could not be stored
	 */
	void append(RegistryRecord record);

}
