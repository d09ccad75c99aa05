package io.llmfleet.worker.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.capacity.CapacityReporter;

/**
 * One listener container per served model, in that model's consumer group, with as many
 * consumer threads as the model may have calls in flight. Each thread takes one record at
 * a time and blocks on the backend, so in-flight calls are bounded without an unbounded
 * buffer; {@code max.poll.interval.ms} covers the longest call so long generations never
 * trigger a rebalance. On the way down the capacity reporter says the worker is draining
 * before the containers stop taking work.
 */
class WorkerContainers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WorkerContainers.class);

	private final List<ConcurrentMessageListenerContainer<?, ?>> containers = new ArrayList<>();

	private final Backend backend;

	private final WorkerProperties properties;

	private final ServedModels served;

	private final CapacityReporter reporter;

	private volatile boolean running;

	WorkerContainers(ConcurrentKafkaListenerContainerFactory<String, RoutedRequest> factory, FleetTopics topics,
			ServedModels served, WorkerProperties properties, RoutedRequestHandler handler, Backend backend,
			CapacityReporter reporter) {
		this.backend = backend;
		this.reporter = reporter;
		this.properties = properties;
		this.served = served;
		Properties consumer = new Properties();
		consumer.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
		consumer.setProperty(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
				Long.toString(properties.maxPollInterval().toMillis()));
		// Anything but a RoutedRequest on a model topic fails in the deserializer as
		// WRONG_TYPE, with its bytes kept for the dead letter.
		consumer.setProperty(FleetAvroDeserializer.VALUE_TYPE_CONFIG, RoutedRequest.class.getName());
		for (String modelId : served.ids()) {
			ConcurrentMessageListenerContainer<String, RoutedRequest> container = factory
				.createContainer(topics.model(modelId));
			container.getContainerProperties().setGroupId(topics.workerGroup(modelId));
			container.getContainerProperties().setClientId(properties.id() + "-" + modelId);
			container.getContainerProperties().setKafkaConsumerProperties(consumer);
			container.getContainerProperties()
				.setMessageListener((MessageListener<String, RoutedRequest>) handler::handle);
			container.setConcurrency(properties.maxInFlight());
			container.setBeanName("worker-" + modelId);
			this.containers.add(container);
		}
	}

	@Override
	public void start() {
		this.backend.checkReachable();
		this.containers.forEach(ConcurrentMessageListenerContainer::start);
		this.running = true;
		logger.info("Worker {} serving {} on {} backend, {} calls in flight per model", this.properties.id(),
				this.served.ids(), this.backend.kind(), this.properties.maxInFlight());
	}

	@Override
	public void stop() {
		// the dispatcher stops routing here before the consumers leave their groups
		this.reporter.drain();
		this.containers.forEach(ConcurrentMessageListenerContainer::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
