package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.capacity.CapacityReporter;
import io.llmfleet.worker.capacity.LoadingModels;

/**
 * The worker's consumers, one {@link ModelConsumer} per served model, each in that
 * model's consumer group, and their lifecycle. On start it checks the backend, warms the
 * models up when asked to, then starts consuming. On stop the capacity reporter first
 * says the worker is draining, then every consumer stops taking work and gets the same
 * {@code shutdown-grace} to finish what runs; what does not finish is aborted and left
 * uncommitted for another worker.
 *
 * <p>
 * Consumer settings come from {@code spring.kafka.consumer.*} with these set here:
 * {@code group.id} and {@code client.id} per model, {@code max.poll.records=1} (a record
 * is taken only with a slot free for it), no auto-commit, the value type the deserializer
 * must find, and, unless configured, the cooperative sticky assignor, so a worker joining
 * or leaving moves only the partitions that change owner.
 */
class WorkerConsumers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WorkerConsumers.class);

	/** Beyond the grace: aborting calls and leaving the group. */
	private static final Duration STOP_MARGIN = Duration.ofSeconds(30);

	private final ConsumerFactory<String, RoutedRequest> factory;

	private final FleetTopics topics;

	private final ServedModels served;

	private final WorkerProperties properties;

	private final RoutedRequestHandler handler;

	private final ConsumerRecordRecoverer recoverer;

	private final Backend backend;

	private final CapacityReporter reporter;

	private final LoadingModels loading;

	private final ObservationRegistry observations;

	private final List<ModelConsumer> consumers = new ArrayList<>();

	private final List<RecordDecoder> decoders = new ArrayList<>();

	private volatile boolean running;

	WorkerConsumers(ConsumerFactory<String, RoutedRequest> factory, FleetTopics topics, ServedModels served,
			WorkerProperties properties, RoutedRequestHandler handler, ConsumerRecordRecoverer recoverer,
			Backend backend, CapacityReporter reporter, LoadingModels loading, ObservationRegistry observations) {
		this.observations = observations;
		this.factory = factory;
		this.topics = topics;
		this.served = served;
		this.properties = properties;
		this.handler = handler;
		this.recoverer = recoverer;
		this.backend = backend;
		this.reporter = reporter;
		this.loading = loading;
	}

	@Override
	public synchronized void start() {
		this.backend.checkReachable();
		if (this.properties.warmUp()) {
			WarmUp.run(this.properties.id(), this.backend, this.served.models(), this.loading);
		}
		try {
			this.served.ids().forEach(this::startConsumer);
		}
		catch (RuntimeException ex) {
			// a consumer that could not be created stops the start: the others leave too
			this.consumers.forEach((consumer) -> consumer.stop(System.nanoTime()));
			this.consumers.forEach((consumer) -> consumer.awaitStopped(STOP_MARGIN));
			this.consumers.clear();
			this.decoders.forEach(RecordDecoder::close);
			this.decoders.clear();
			throw ex;
		}
		this.running = true;
		logger.info("Worker {} serving {} on {} backend, {} calls in flight per model, {} shutdown grace",
				this.properties.id(), this.served.ids(), this.backend.kind(), this.properties.maxInFlight(),
				this.properties.shutdownGrace());
	}

	private void startConsumer(String modelId) {
		Properties overrides = consumerOverrides();
		Map<String, Object> config = new HashMap<>(this.factory.getConfigurationProperties());
		overrides.forEach((key, value) -> config.put(key.toString(), value));
		RecordDecoder decoder = new RecordDecoder(config);
		this.decoders.add(decoder);
		ModelConsumer consumer = new ModelConsumer(this.properties.id(), modelId, this.topics.model(modelId),
				this.factory.createConsumer(this.topics.workerGroup(modelId), this.properties.id() + "-" + modelId, "",
						overrides),
				new RecordProcessor(this.handler, this.recoverer, decoder, this.observations),
				this.properties.maxInFlight());
		this.consumers.add(consumer);
		consumer.start();
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		// the dispatcher stops routing here before the consumers leave their groups
		this.reporter.drain();
		Duration grace = this.properties.shutdownGrace();
		long deadline = System.nanoTime() + grace.toNanos();
		int running = this.consumers.stream().mapToInt(ModelConsumer::inFlight).sum();
		logger.info("Worker {} stops taking work; {} call(s) running get up to {} to finish", this.properties.id(),
				running, grace);
		this.consumers.forEach((consumer) -> consumer.stop(deadline));
		for (ModelConsumer consumer : this.consumers) {
			long left = deadline - System.nanoTime();
			if (!consumer.awaitStopped(Duration.ofNanos(Math.max(0, left)).plus(STOP_MARGIN))) {
				logger.warn("Worker {} gave up waiting for a consumer to leave its group", this.properties.id());
			}
		}
		int finished = this.consumers.stream().mapToInt(ModelConsumer::finishedWhileStopping).sum();
		int left = this.consumers.stream().mapToInt(ModelConsumer::leftUnfinished).sum();
		logger.info("Worker {} stopped: {} request(s) finished while stopping, {} left uncommitted for other workers",
				this.properties.id(), finished, left);
		this.consumers.clear();
		this.decoders.forEach(RecordDecoder::close);
		this.decoders.clear();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private Properties consumerOverrides() {
		Properties consumer = new Properties();
		consumer.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
		consumer.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		// Anything but a RoutedRequest on a model topic fails in the deserializer as
		// WRONG_TYPE, with its bytes kept for the dead letter.
		consumer.setProperty(FleetAvroDeserializer.VALUE_TYPE_CONFIG, RoutedRequest.class.getName());
		Map<String, Object> configured = this.factory.getConfigurationProperties();
		boolean newProtocol = "consumer"
			.equalsIgnoreCase(String.valueOf(configured.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)));
		if (!newProtocol && !configured.containsKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG)) {
			// the broker assigns under group.protocol=consumer; the classic one moves
			// every partition at each rebalance unless told otherwise
			consumer.setProperty(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
					CooperativeStickyAssignor.class.getName());
		}
		return consumer;
	}

}
