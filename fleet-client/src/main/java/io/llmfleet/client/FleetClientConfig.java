package io.llmfleet.client;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How a {@link FleetClient} or a {@link io.llmfleet.client.batch.FleetBatch} reaches the
 * fleet. The topic names built here are the fleet's own ({@code FleetTopics} in
 * fleet-core builds the same from the same prefix); the client does not depend on
 * fleet-core so that a batch job needs nothing but the schemas and kafka-clients.
 *
 * @param bootstrapServers the Kafka cluster
 * @param schemaRegistryUrl the schema registry
 * @param topicPrefix the fleet's topic prefix ({@code fleet.} by default)
 * @param replyTopic where this client reads results: the fleet's default results topic,
 * or a private one (created if missing)
 * @param timeout the deadline given to requests that carry none
 * @param kafkaProperties extra Kafka client settings (security, for example), passed
 * through
 */
public record FleetClientConfig(String bootstrapServers, String schemaRegistryUrl, String topicPrefix,
		String replyTopic, Duration timeout, Map<String, Object> kafkaProperties) {

	/** The fleet's default topic prefix. */
	public static final String DEFAULT_PREFIX = "fleet.";

	/** The serializers' and deserializers' setting for the registry. */
	private static final String REGISTRY_URL = "schema.registry.url";

	public FleetClientConfig {
		kafkaProperties = Map.copyOf(kafkaProperties);
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive but was " + timeout);
		}
	}

	/** A client of a fleet with the default topics and a 5-minute deadline. */
	public static FleetClientConfig of(String bootstrapServers, String schemaRegistryUrl) {
		return new FleetClientConfig(bootstrapServers, schemaRegistryUrl, DEFAULT_PREFIX, DEFAULT_PREFIX + "results",
				Duration.ofMinutes(5), Map.of());
	}

	/** Where requests go. */
	public String requestsTopic() {
		return this.topicPrefix + "requests";
	}

	/** Batch manifests, compacted by batch id. */
	public String batchesTopic() {
		return this.topicPrefix + "batches";
	}

	/** The private reply topic of one batch: {@code <prefix>batch.<batch id>}. */
	public String batchReplyTopic(String batchId) {
		return this.topicPrefix + "batch." + batchId;
	}

	public FleetClientConfig withReplyTopic(String replyTopic) {
		return new FleetClientConfig(this.bootstrapServers, this.schemaRegistryUrl, this.topicPrefix, replyTopic,
				this.timeout, this.kafkaProperties);
	}

	public FleetClientConfig withTimeout(Duration timeout) {
		return new FleetClientConfig(this.bootstrapServers, this.schemaRegistryUrl, this.topicPrefix, this.replyTopic,
				timeout, this.kafkaProperties);
	}

	/**
	 * The same fleet under another topic prefix; a reply topic that was the default
	 * results topic follows the prefix.
	 */
	public FleetClientConfig withTopicPrefix(String prefix) {
		String reply = this.replyTopic.equals(this.topicPrefix + "results") ? prefix + "results" : this.replyTopic;
		return new FleetClientConfig(this.bootstrapServers, this.schemaRegistryUrl, prefix, reply, this.timeout,
				this.kafkaProperties);
	}

	public FleetClientConfig withKafkaProperties(Map<String, Object> properties) {
		return new FleetClientConfig(this.bootstrapServers, this.schemaRegistryUrl, this.topicPrefix, this.replyTopic,
				this.timeout, properties);
	}

	/**
	 * The pass-through properties plus the cluster and the registry: the base of every
	 * Kafka client this library creates.
	 */
	public Map<String, Object> clientProperties() {
		Map<String, Object> properties = new HashMap<>(this.kafkaProperties);
		properties.put("bootstrap.servers", this.bootstrapServers);
		properties.put(REGISTRY_URL, this.schemaRegistryUrl);
		return properties;
	}

}
