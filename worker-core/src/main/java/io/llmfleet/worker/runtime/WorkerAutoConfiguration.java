package io.llmfleet.worker.runtime;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.kafka.FleetKafkaAutoConfiguration;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.backend.Backend;

/**
 * Turns a Boot application holding one {@link Backend} bean into a worker: a backend
 * module contributes the backend, this contributes everything else.
 */
@AutoConfiguration(after = FleetKafkaAutoConfiguration.class)
@ConditionalOnBean(Backend.class)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerAutoConfiguration {

	@Bean
	ServedModels servedModels(FleetCatalog catalog, WorkerProperties properties) {
		return ServedModels.resolve(catalog, properties);
	}

	@Bean
	RoutedRequestHandler routedRequestHandler(Backend backend, ServedModels served, WorkerProperties properties,
			ResultPublisher publisher) {
		return new RoutedRequestHandler(backend, served, properties, publisher);
	}

	@Bean
	WorkerContainers workerContainers(ConcurrentKafkaListenerContainerFactory<String, RoutedRequest> factory,
			FleetTopics topics, ServedModels served, WorkerProperties properties, RoutedRequestHandler handler,
			Backend backend) {
		return new WorkerContainers(factory, topics, served, properties, handler, backend);
	}

}
