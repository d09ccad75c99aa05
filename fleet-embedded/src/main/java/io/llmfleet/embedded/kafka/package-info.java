/**
 * A real single-node Apache Kafka KRaft broker that runs inside the application's JVM,
 * plain or secured (SASL_SSL with SCRAM, mutual TLS, ACLs).
 */
package io.llmfleet.embedded.kafka;
