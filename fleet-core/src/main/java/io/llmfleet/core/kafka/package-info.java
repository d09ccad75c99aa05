/**
 * Spring Kafka wiring every fleet service shares: defaults, topic creation and the
 * recoverer that turns records a listener cannot handle into a result or a dead letter.
 */
package io.llmfleet.core.kafka;
