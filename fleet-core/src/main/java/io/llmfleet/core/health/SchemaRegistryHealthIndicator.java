package io.llmfleet.core.health;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.llmfleet.schemas.registry.RestSchemaRegistryClient;

/**
 * UP when the schema registry lists its subjects (through the same client, credentials
 * and TLS the serializers use), with how many it holds; DOWN with the cause otherwise.
 */
public class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

	private final RestSchemaRegistryClient registry;

	public SchemaRegistryHealthIndicator(RestSchemaRegistryClient registry) {
		super("Schema registry health check failed");
		this.registry = registry;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("subjects", this.registry.subjects().size());
	}

}
