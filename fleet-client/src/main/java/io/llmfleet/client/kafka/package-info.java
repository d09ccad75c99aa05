/**
 * Kafka plumbing the client shares: Avro consumers and producers, bounded scans of a
 * topic and followers that read one on a thread of their own.
 */
package io.llmfleet.client.kafka;
