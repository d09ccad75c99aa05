package io.llmfleet.client;

import java.time.Duration;
import java.util.Map;

/**
 * How a {@link FleetClient} reaches the fleet.
 *
 * @param bootstrapServers the Kafka cluster
 * @param schemaRegistryUrl the schema registry
 * @param requestsTopic where requests go
 * @param replyTopic where this client reads results: the fleet's default results topic,
 * or a private one (created if missing)
 * @param timeout the deadline given to requests that carry none
 * @param kafkaProperties extra Kafka client settings (security, for example), passed
 * through
 */
public record FleetClientConfig(String bootstrapServers, String schemaRegistryUrl, String requestsTopic,
		String replyTopic, Duration timeout, Map<String, Object> kafkaProperties) {

	/** The fleet's default topic prefix. */
	public static final String DEFAULT_PREFIX = "fleet.";

	public FleetClientConfig {
		kafkaProperties = Map.copyOf(kafkaProperties);
	}

	/** A client of a fleet with the default topics and a 5-minute deadline. */
	public static FleetClientConfig of(String bootstrapServers, String schemaRegistryUrl) {
		return new FleetClientConfig(bootstrapServers, schemaRegistryUrl, DEFAULT_PREFIX + "requests",
				DEFAULT_PREFIX + "results", Duration.ofMinutes(5), Map.of());
	}

	public FleetClientConfig withReplyTopic(String replyTopic) {
		return new FleetClientConfig(this.bootstrapServers, this.schemaRegistryUrl, this.requestsTopic, replyTopic,
				this.timeout, this.kafkaProperties);
	}

	public FleetClientConfig withTimeout(Duration timeout) {
		return new FleetClientConfig(this.bootstrapServers, this.schemaRegistryUrl, this.requestsTopic, this.replyTopic,
				timeout, this.kafkaProperties);
	}

}
