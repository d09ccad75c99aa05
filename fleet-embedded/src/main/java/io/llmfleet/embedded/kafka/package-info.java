/**
 * A real single-node Apache Kafka KRaft broker that runs inside the application's JVM.
 */
package io.llmfleet.embedded.kafka;
