/**
 * A client for the Confluent Schema Registry REST API: register, look up and fetch Avro
 * schemas, with caches so each schema costs one round trip per process, configured under
 * Confluent's property names (URLs, basic auth, TLS, retries).
 */
package io.llmfleet.schemas.registry;
