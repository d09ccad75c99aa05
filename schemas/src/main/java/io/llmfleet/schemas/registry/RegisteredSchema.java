package io.llmfleet.schemas.registry;

import org.apache.avro.Schema;

/**
 * One version of a subject as the registry holds it.
 *
 * @param subject the subject
 * @param id the schema's global id, the one written into each record
 * @param version the version within the subject, from 1
 * @param schema the schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {
}
