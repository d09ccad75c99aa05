package io.llmfleet.worker.runtime;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.kafka.FleetKafkaAutoConfiguration;
import io.llmfleet.core.kafka.FleetRecordRecoverer;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.capacity.CapacityReporter;
import io.llmfleet.worker.capacity.GpuProbe;
import io.llmfleet.worker.capacity.GpuSelection;
import io.llmfleet.worker.capacity.InFlightSlots;
import io.llmfleet.worker.capacity.LoadingModels;

/**
 * Turns a Boot application holding one {@link Backend} bean into a worker: a backend
 * module contributes the backend, this contributes everything else, capacity reports
 * included. A {@link GpuProbe} bean of the application's own replaces the NVML one.
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
	InFlightSlots inFlightSlots(ServedModels served, WorkerProperties properties) {
		return new InFlightSlots(served.ids(), properties.maxInFlight());
	}

	@Bean
	LoadingModels loadingModels() {
		return new LoadingModels();
	}

	/**
	 * Reads {@code CUDA_VISIBLE_DEVICES} through the environment, so a test or launcher
	 * can set it as a property without touching the process environment.
	 */
	@Bean
	@ConditionalOnMissingBean
	GpuProbe gpuProbe(WorkerProperties properties, Environment environment) {
		return GpuProbe.open(properties.gpu(), environment.getProperty(GpuSelection.CUDA_VISIBLE_DEVICES));
	}

	@Bean
	AttemptOutcomes attemptOutcomes(KafkaTemplate<?, ?> kafkaTemplate, FleetTopics topics,
			WorkerProperties properties) {
		return new AttemptOutcomes(operations(kafkaTemplate), topics.outcomes(), properties.id());
	}

	@Bean
	RoutedRequestHandler routedRequestHandler(Backend backend, ServedModels served, WorkerProperties properties,
			ResultPublisher publisher, InFlightSlots slots, AttemptOutcomes outcomes) {
		return new RoutedRequestHandler(backend, served, properties, publisher, slots, outcomes);
	}

	@Bean
	CapacityReporter capacityReporter(KafkaTemplate<?, ?> kafkaTemplate, FleetTopics topics, Backend backend,
			GpuProbe gpuProbe, InFlightSlots slots, LoadingModels loading, ServedModels served,
			WorkerProperties properties) {
		return new CapacityReporter(operations(kafkaTemplate), topics.capacity(), backend, gpuProbe, slots, loading,
				served.models(), properties.id(), WorkerProperties.hostName(), properties.heartbeat(),
				properties.statusPoll(), properties.statusTimeout());
	}

	@Bean
	BackendHealthIndicator backendHealthIndicator(Backend backend) {
		return new BackendHealthIndicator(backend);
	}

	@Bean
	WorkerConsumers workerConsumers(ConsumerFactory<?, ?> consumerFactory, FleetTopics topics, ServedModels served,
			WorkerProperties properties, RoutedRequestHandler handler, FleetRecordRecoverer recoverer, Backend backend,
			CapacityReporter capacityReporter, LoadingModels loading,
			ObjectProvider<ObservationRegistry> observations) {
		@SuppressWarnings("unchecked")
		ConsumerFactory<String, RoutedRequest> factory = (ConsumerFactory<String, RoutedRequest>) consumerFactory;
		return new WorkerConsumers(factory, topics, served, properties, handler, recoverer, backend, capacityReporter,
				loading, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	// the shared template is typed by its serializers; every value it sends is an Avro
	// record
	@SuppressWarnings("unchecked")
	private static KafkaOperations<String, Object> operations(KafkaTemplate<?, ?> kafkaTemplate) {
		return (KafkaOperations<String, Object>) kafkaTemplate;
	}

}
