package io.llmfleet.core.kafka;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * Prompts and outputs are never logged: Spring Kafka's default producer listener logs the
 * start of a record's value when a send fails, and a fleet record's value is a prompt or
 * an answer. This one logs the failure without the contents. Set before Kafka's own
 * auto-configuration, which then keeps it.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
public class FleetProducerListenerAutoConfiguration {

	@Bean
	ProducerListener<Object, Object> kafkaProducerListener() {
		LoggingProducerListener<Object, Object> listener = new LoggingProducerListener<>();
		listener.setIncludeContents(false);
		return listener;
	}

}
