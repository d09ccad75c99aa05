/**
 * {@code fleet bench}: the fleet's latency, throughput, scaling and memory measured
 * against a bare-Kafka relay chain of the same hops on the same broker, in one run.
 */
package io.llmfleet.cli.bench;
