package io.llmfleet.core.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.reply.ResultMetrics;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;

/**
 * What every fleet service shares: the typed topic and catalogue settings, creation of
 * the fleet's topics, the result publisher, and error handling that retries a failing
 * record briefly and then hands it to {@link FleetRecordRecoverer}, with or without
 * transactions. Poison (a record that cannot be read, or of the wrong type) goes to the
 * recoverer at once: retrying the same bytes cannot help.
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
	ResultPublisher resultPublisher(KafkaTemplate<?, ?> kafkaTemplate, FleetTopics topics,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return new ResultPublisher((KafkaOperations<String, Object>) kafkaTemplate, topics,
				new ResultMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new)));
	}

	@Bean
	FleetRecordRecoverer fleetRecordRecoverer(ResultPublisher publisher, FleetTopics topics,
			ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<KafkaProperties> kafkaProperties,
			@Value("${spring.application.name:fleet}") String service) {
		// Actuator gives every service a registry; a bare context (a test) counts
		// privately.
		PoisonMetrics metrics = new PoisonMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
		KafkaProperties kafka = kafkaProperties.getIfAvailable(KafkaProperties::new);
		int maxRecordBytes = FleetAvroDeserializer.maxRecordBytes(kafka.buildConsumerProperties());
		return new FleetRecordRecoverer(publisher, service, metrics, topics.deadLetter(),
				FleetRecordRecoverer.rawValueLimit(maxRecordBytes));
	}

	@Bean
	DefaultErrorHandler fleetErrorHandler(FleetRecordRecoverer recoverer) {
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, RETRY);
		notRetryable(handler);
		return handler;
	}

	@Bean
	DefaultAfterRollbackProcessor<Object, Object> fleetAfterRollbackProcessor(FleetRecordRecoverer recoverer,
			KafkaTemplate<?, ?> kafkaTemplate) {
		@SuppressWarnings("unchecked")
		KafkaOperations<Object, Object> operations = (KafkaOperations<Object, Object>) kafkaTemplate;
		DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(recoverer, RETRY,
				operations, true);
		notRetryable(processor);
		return processor;
	}

	/**
	 * Spring Kafka already recovers a DeserializationException (which carries every
	 * PoisonRecordException) and a ClassCastException (a wrong-type record reaching a
	 * listener typed for another) without retrying; said here so that it stays so.
	 */
	private static void notRetryable(ExceptionClassifier classifier) {
		classifier.addNotRetryableExceptions(DeserializationException.class, ClassCastException.class);
	}

}
