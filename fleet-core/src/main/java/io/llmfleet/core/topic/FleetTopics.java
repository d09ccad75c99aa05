package io.llmfleet.core.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.InferenceRequest;

/**
 * The fleet's topics. Every topic name in the code comes from here, built from one
 * prefix.
 *
 * @param prefix prepended to every fleet topic name
 * @param partitions partitions of the shared topics (requests, classified, results, ...)
 * @param modelPartitions partitions of each per-model topic: they bound the parallelism
 * of the model's workers, which form one consumer group
 * @param replicationFactor replication of every topic; 1 for a single local broker
 */
@Validated
@ConfigurationProperties("fleet.topics")
public record FleetTopics(
		@DefaultValue("fleet.") @Pattern(regexp = "[a-zA-Z0-9._-]*",
				message = "must hold only letters, digits, '.', '_' and '-'") String prefix,
		@DefaultValue("3") @Min(1) int partitions, @DefaultValue("6") @Min(1) int modelPartitions,
		@DefaultValue("1") @Min(1) short replicationFactor) {

	/** Requests written by clients. */
	public String requests() {
		return this.prefix + "requests";
	}

	/** Classifier to dispatcher. */
	public String classified() {
		return this.prefix + "classified";
	}

	/** The topic of one catalogue model, read by the workers serving it. */
	public String model(String modelId) {
		return this.prefix + "model." + modelId;
	}

	/** Worker heartbeats, compacted by worker id. */
	public String capacity() {
		return this.prefix + "capacity";
	}

	/** Failures a worker could not absorb, consumed by the dispatcher. */
	public String deadLetter() {
		return this.prefix + "dead-letter";
	}

	/** The default reply topic. */
	public String results() {
		return this.prefix + "results";
	}

	/** One record per finished attempt. */
	public String outcomes() {
		return this.prefix + "outcomes";
	}

	/** Batch manifests, compacted by batch id. */
	public String batches() {
		return this.prefix + "batches";
	}

	/** The consumer group of the workers serving one model: they share its partitions. */
	public String workerGroup(String modelId) {
		return this.prefix + "workers." + modelId;
	}

	/**
	 * Where the result of {@code request} goes: its {@code reply_to}, else, and when
	 * {@code reply_to} cannot take results ({@link #replyToProblem}), {@link #results()}.
	 */
	public String replyTo(InferenceRequest request) {
		String replyTo = request.getReplyTo();
		return (replyTo != null && !replyTo.isBlank() && replyToProblem(replyTo).isEmpty()) ? replyTo : results();
	}

	/**
	 * Why results cannot be written to {@code replyTo}, or empty when they can (or when
	 * it is unset, for the default): a name Kafka refuses, an internal topic
	 * ({@code __...}, {@code _schemas}), or one of the fleet's own topics, whose readers
	 * would take a result for a request, a routed request or a heartbeat.
	 * @param replyTo a request's {@code reply_to}
	 * @return the reason, in words that say what to change
	 */
	public Optional<String> replyToProblem(String replyTo) {
		if (replyTo == null || replyTo.isBlank()) {
			return Optional.empty();
		}
		try {
			Topic.validate(replyTo);
		}
		catch (InvalidTopicException ex) {
			return Optional.of("reply_to '" + replyTo + "' is not a valid Kafka topic name: " + ex.getMessage());
		}
		boolean internal = replyTo.startsWith("_");
		boolean pipeline = List.of(requests(), classified(), capacity(), deadLetter(), outcomes(), batches())
			.contains(replyTo) || replyTo.startsWith(this.prefix + "model.");
		if (internal || pipeline) {
			return Optional.of("reply_to '" + replyTo + "' is "
					+ (internal ? "an internal topic" : "one of the fleet's own topics")
					+ "; name a topic for results, such as " + results());
		}
		return Optional.empty();
	}

	/** Every fleet topic with its partitions and configuration, for creation at start. */
	public List<NewTopic> all(FleetCatalog catalog) {
		List<NewTopic> topics = new ArrayList<>();
		for (String name : List.of(requests(), classified(), deadLetter(), results(), outcomes())) {
			topics.add(new NewTopic(name, this.partitions, this.replicationFactor));
		}
		for (String compacted : List.of(capacity(), batches())) {
			topics.add(new NewTopic(compacted, 1, this.replicationFactor)
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
		}
		catalog.models()
			.forEach((model) -> topics
				.add(new NewTopic(model(model.id()), this.modelPartitions, this.replicationFactor)));
		return topics;
	}

}
