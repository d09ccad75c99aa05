/**
 * A Confluent-Schema-Registry-compatible REST server whose state lives in a compacted
 * Kafka topic.
 */
package io.llmfleet.embedded.registry;
