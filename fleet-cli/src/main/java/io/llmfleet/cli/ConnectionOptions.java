package io.llmfleet.cli;

import java.time.Duration;

import picocli.CommandLine.Option;

import io.llmfleet.client.FleetClientConfig;

/** Where a command finds the fleet: the defaults are those of {@code fleet local}. */
class ConnectionOptions {

	@Option(names = "--bootstrap-servers", defaultValue = "127.0.0.1:9092",
			description = "Kafka (default: ${DEFAULT-VALUE})")
	String bootstrapServers;

	@Option(names = "--schema-registry", defaultValue = "http://127.0.0.1:8081",
			description = "Schema registry URL (default: ${DEFAULT-VALUE})")
	String schemaRegistry;

	@Option(names = "--timeout", defaultValue = "PT10M",
			description = "Deadline of each request, ISO-8601 (default: ${DEFAULT-VALUE})")
	Duration timeout;

	FleetClientConfig clientConfig() {
		return FleetClientConfig.of(this.bootstrapServers, this.schemaRegistry).withTimeout(this.timeout);
	}

}
