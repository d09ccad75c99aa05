/**
 * Kafka serializers in the Confluent wire format: magic byte 0, a 4-byte big-endian
 * schema id, then Avro binary.
 */
package io.llmfleet.schemas.serde;
