/**
 * Health every fleet service reports on the actuator: the Kafka cluster and the schema
 * registry it depends on.
 */
package io.llmfleet.core.health;
