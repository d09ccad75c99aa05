package io.llmfleet.core.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;

/**
 * What every fleet service shares: the typed topic and catalogue settings, creation of
 * the fleet's topics, the result publisher, and error handling that retries a failing
 * record briefly and then hands it to {@link FleetRecordRecoverer}, with or without
 * transactions.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({ FleetTopics.class, FleetCatalog.class })
public class FleetKafkaAutoConfiguration {

	/** Retries of a record whose handling threw, before it is recovered. */
	private static final FixedBackOff RETRY = new FixedBackOff(200, 2);

	@Bean
	KafkaAdmin.NewTopics fleetTopicDeclarations(FleetTopics topics, FleetCatalog catalog) {
		return new KafkaAdmin.NewTopics(topics.all(catalog).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
	}

	@Bean
	@SuppressWarnings("unchecked")
	ResultPublisher resultPublisher(KafkaTemplate<?, ?> kafkaTemplate, FleetTopics topics) {
		return new ResultPublisher((KafkaOperations<String, Object>) kafkaTemplate, topics);
	}

	@Bean
	FleetRecordRecoverer fleetRecordRecoverer(ResultPublisher publisher,
			@Value("${spring.application.name:fleet}") String service) {
		return new FleetRecordRecoverer(publisher, service);
	}

	@Bean
	DefaultErrorHandler fleetErrorHandler(FleetRecordRecoverer recoverer) {
		return new DefaultErrorHandler(recoverer, RETRY);
	}

	@Bean
	DefaultAfterRollbackProcessor<Object, Object> fleetAfterRollbackProcessor(FleetRecordRecoverer recoverer,
			KafkaTemplate<?, ?> kafkaTemplate) {
		@SuppressWarnings("unchecked")
		KafkaOperations<Object, Object> operations = (KafkaOperations<Object, Object>) kafkaTemplate;
		return new DefaultAfterRollbackProcessor<>(recoverer, RETRY, operations, true);
	}

}
