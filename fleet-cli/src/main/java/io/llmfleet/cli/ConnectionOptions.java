package io.llmfleet.cli;

import picocli.CommandLine.Option;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.core.topic.FleetTopics;

/** Where a command finds the fleet: the defaults are those of {@code fleet local}. */
public class ConnectionOptions {

	@Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092",
			description = "Kafka (default: ${DEFAULT-VALUE})")
	String bootstrapServers;

	@Option(names = "--schema-registry", defaultValue = "http://127.0.0.1:8081",
			description = "Schema registry URL (default: ${DEFAULT-VALUE})")
	String schemaRegistry;

	@Option(names = "--topic-prefix", defaultValue = FleetClientConfig.DEFAULT_PREFIX,
			description = "Prefix of the fleet's topics (default: ${DEFAULT-VALUE})")
	String topicPrefix;

	/** The client configuration: default deadline, the fleet's default reply topic. */
	public FleetClientConfig clientConfig() {
		return FleetClientConfig.of(this.bootstrapServers, this.schemaRegistry).withTopicPrefix(this.topicPrefix);
	}

	/** The fleet's topic names under the prefix (partition counts play no part here). */
	public FleetTopics topics() {
		return new FleetTopics(this.topicPrefix, 1, 1, (short) 1);
	}

}
