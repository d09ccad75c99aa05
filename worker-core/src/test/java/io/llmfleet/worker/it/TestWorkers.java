package io.llmfleet.worker.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.serde.FleetAvroSerializer;
import io.llmfleet.worker.it.SharedKafka.Kafka;

/**
 * Starts a real worker (the runtime's auto-configuration around a {@link GatedBackend})
 * against the shared broker, serving one model {@value #MODEL} of 4GB, with topics under
 * a prefix of the test's own, and writes routed requests to it.
 */
public final class TestWorkers {

	/** The one catalogue model the worker serves. */
	public static final String MODEL = "m1";

	private TestWorkers() {
	}

	/**
	 * Starts a worker.
	 * @param kafka the broker and registry
	 * @param prefix the topic prefix, unique to the test
	 * @param workerId the worker id
	 * @param backend the backend bean
	 * @param settings more {@code --key=value} settings, which win
	 * @return the running worker
	 */
	public static ConfigurableApplicationContext start(Kafka kafka, String prefix, String workerId,
			GatedBackend backend, String... settings) {
		List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=" + kafka.registryUrl(), "--spring.main.banner-mode=off",
				"--spring.main.register-shutdown-hook=false", "--spring.application.name=" + workerId,
				"--fleet.topics.prefix=" + prefix, "--fleet.topics.partitions=1", "--fleet.topics.model-partitions=2",
				"--fleet.catalog.tiers[0].name=small", "--fleet.catalog.models[0].id=" + MODEL,
				"--fleet.catalog.models[0].backend=" + GatedBackend.KIND,
				"--fleet.catalog.models[0].backend-model=m1:7b", "--fleet.catalog.models[0].tier=small",
				"--fleet.catalog.models[0].vram=4GB", "--fleet.worker.backend=" + GatedBackend.KIND,
				"--fleet.worker.id=" + workerId, "--fleet.worker.max-in-flight=2",
				// CUDA_VISIBLE_DEVICES of the machine running the tests must not decide
				"--CUDA_VISIBLE_DEVICES=0", "--fleet.worker.gpu.index=0"));
		args.addAll(List.of(settings));
		// a key given twice would bind as a list: the later setting wins
		Map<String, String> byKey = new LinkedHashMap<>();
		for (String arg : args) {
			byKey.put(arg.substring(0, arg.indexOf('=')), arg);
		}
		return new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getBeanFactory().registerSingleton("gatedBackend", backend))
			.run(byKey.values().toArray(String[]::new));
	}

	/**
	 * Waits until the model's consumer group is stable with as many members as workers
	 * serve it and every partition of its topic assigned.
	 * @param kafka the broker
	 * @param prefix the topic prefix
	 * @param workers how many workers serve the model
	 * @param partitions how many partitions its topic has
	 */
	public static void awaitAssigned(Kafka kafka, String prefix, int workers, int partitions) {
		awaitGroup(kafka, group(prefix), workers, partitions);
	}

	/**
	 * Waits until a consumer group is stable with as many members as workers consume in
	 * it and every partition assigned.
	 * @param kafka the broker
	 * @param group the group
	 * @param workers how many workers consume in it
	 * @param partitions how many partitions its topic has
	 */
	public static void awaitGroup(Kafka kafka, String group, int workers, int partitions) {
		try (Admin admin = admin(kafka)) {
			// The group exists only once its first member joins: until then describing it
			// fails.
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(50))
				.ignoreExceptions()
				.until(() -> {
					ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
						.describedGroups()
						.get(group)
						.get();
					int assigned = description.members()
						.stream()
						.mapToInt((member) -> member.assignment().topicPartitions().size())
						.sum();
					return description.groupState() == GroupState.STABLE && description.members().size() == workers
							&& assigned == partitions;
				});
		}
	}

	/**
	 * The model's consumer group.
	 * @param prefix the topic prefix
	 * @return the group id
	 */
	public static String group(String prefix) {
		return prefix + "workers." + MODEL;
	}

	/**
	 * An admin client of the broker.
	 * @param kafka the broker
	 * @return the client; close it
	 */
	public static Admin admin(Kafka kafka) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
	}

	/**
	 * The offsets the model's consumer group has committed, by partition of its topic.
	 * @param admin an admin client
	 * @param prefix the topic prefix
	 * @return the committed offsets; a partition without a commit is missing
	 */
	public static Map<Integer, Long> committed(Admin admin, String prefix) throws Exception {
		Map<Integer, Long> committed = new TreeMap<>();
		admin.listConsumerGroupOffsets(group(prefix))
			.partitionsToOffsetAndMetadata()
			.get()
			.forEach((partition, offset) -> {
				if (offset != null) {
					committed.put(partition.partition(), offset.offset());
				}
			});
		return committed;
	}

	/**
	 * A producer of routed requests, Avro through the registry.
	 * @param kafka the broker and registry
	 * @return the producer; close it
	 */
	public static KafkaProducer<String, RoutedRequest> producer(Kafka kafka) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				"schema.registry.url", kafka.registryUrl());
		FleetAvroSerializer<RoutedRequest> serializer = new FleetAvroSerializer<>();
		serializer.configure(config, false);
		return new KafkaProducer<>(config, new StringSerializer(), serializer);
	}

	/**
	 * Writes a routed request for {@value #MODEL} to one partition of its topic.
	 * @param producer the producer
	 * @param prefix the topic prefix
	 * @param partition the partition, 0 or 1
	 * @param routed the request
	 */
	public static void send(KafkaProducer<String, RoutedRequest> producer, String prefix, int partition,
			RoutedRequest routed) throws Exception {
		producer
			.send(new ProducerRecord<>(prefix + "model." + MODEL, partition, routed.getRequest().getRequestId(),
					routed))
			.get();
	}

	/**
	 * A first attempt on {@value #MODEL}.
	 * @param requestId the request id
	 * @param prompt the user message; {@code fail:<KIND>} makes the backend fail
	 * @param replyTo the result topic
	 * @return the routed request
	 */
	public static RoutedRequest routed(String requestId, String prompt, String replyTo) {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId(requestId)
			.setReplyTo(replyTo)
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(Instant.now())
			.build();
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(
					Classification.newBuilder().setTier("small").setConfidence(0.9).setClassifier("test@1").build())
			.setModelId(MODEL)
			.setTier("small")
			.setClassifiedAt(Instant.now())
			.setRoutedAt(Instant.now())
			.build();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
