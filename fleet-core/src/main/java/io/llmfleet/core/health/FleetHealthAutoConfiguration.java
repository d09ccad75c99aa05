package io.llmfleet.core.health;

import java.time.Duration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;

import io.llmfleet.schemas.registry.RestSchemaRegistryClient;

/**
 * The health indicators every fleet service has: {@code kafka} and
 * {@code schemaRegistry}, configured from the service's own Kafka client properties.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class FleetHealthAutoConfiguration {

	/** Long enough for a loaded broker, short enough for a liveness probe. */
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
		return new KafkaHealthIndicator(kafka.buildAdminProperties(), TIMEOUT);
	}

	@Bean
	SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(KafkaProperties kafka) {
		return new SchemaRegistryHealthIndicator(RestSchemaRegistryClient.fromConfigs(kafka.buildProducerProperties()));
	}

}
