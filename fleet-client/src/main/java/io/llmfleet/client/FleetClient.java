package io.llmfleet.client;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicFollower;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;

/**
 * Submits inference requests to the fleet and completes a future with each one's result,
 * matched by {@code request_id} on the reply topic. Every request gets a deadline (its
 * own, or the configured timeout); the fleet answers EXPIRED once it passes, and the
 * future fails with a {@link java.util.concurrent.TimeoutException} if not even that
 * arrives shortly after. Results delivered twice (workers are at least once) complete the
 * future once. Thread-safe.
 *
 * <p>
 * Unlike Spring's {@code ReplyingKafkaTemplate}, pending requests may wait minutes (LLM
 * calls), and results are plain records on a topic that any other consumer can read too.
 */
public final class FleetClient implements AutoCloseable {

	/** How long past a request's deadline to wait for the fleet's EXPIRED answer. */
	private static final Duration GRACE = Duration.ofSeconds(10);

	private final FleetClientConfig config;

	private final KafkaProducer<String, InferenceRequest> producer;

	private final Map<String, CompletableFuture<InferenceResult>> pending = new ConcurrentHashMap<>();

	private final TopicFollower<InferenceResult> replies;

	private FleetClient(FleetClientConfig config) {
		this.config = config;
		KafkaClients.ensureTopic(config, KafkaClients.withBrokerDefaults(config.replyTopic()));
		this.producer = KafkaClients.producer(config, Map.of());
		this.replies = TopicFollower.fromEnd(KafkaClients.consumer(config, InferenceResult.class), config.replyTopic(),
				(record) -> complete(record.value()), "fleet-client-replies-" + config.replyTopic());
	}

	/**
	 * Connects to the fleet; returns once results of requests submitted from now on are
	 * seen.
	 */
	public static FleetClient connect(FleetClientConfig config) {
		return new FleetClient(config);
	}

	/** A request with one user message, a fresh id and the current time. */
	public static InferenceRequest.Builder request(String prompt) {
		return InferenceRequest.newBuilder()
			.setRequestId(UUID.randomUUID().toString())
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * Submits {@code request}, replying to this client's reply topic and with the
	 * configured deadline unless it has one, and returns the future of its result.
	 */
	public CompletableFuture<InferenceResult> submit(InferenceRequest request) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		// created_at is the submission time: every stage's latency is measured from it.
		InferenceRequest.Builder toSend = InferenceRequest.newBuilder(request)
			.setReplyTo(this.config.replyTopic())
			.setCreatedAt(now);
		if (request.getDeadlineAt() == null) {
			toSend.setDeadlineAt(now.plus(this.config.timeout()));
		}
		InferenceRequest sent = toSend.build();
		CompletableFuture<InferenceResult> result = new CompletableFuture<>();
		if (this.pending.putIfAbsent(sent.getRequestId(), result) != null) {
			throw new IllegalArgumentException("Request " + sent.getRequestId() + " is already pending");
		}
		long waitMs = Duration.between(Instant.now(), sent.getDeadlineAt()).plus(GRACE).toMillis();
		result.orTimeout(Math.max(waitMs, 1), TimeUnit.MILLISECONDS)
			.whenComplete((done, failure) -> this.pending.remove(sent.getRequestId(), result));
		this.producer.send(new ProducerRecord<>(this.config.requestsTopic(), sent.getRequestId(), sent),
				(metadata, failure) -> {
					if (failure != null) {
						result.completeExceptionally(failure);
					}
				});
		return result;
	}

	/** Submits every request; the futures are in the same order. */
	public List<CompletableFuture<InferenceResult>> submitAll(List<InferenceRequest> requests) {
		return requests.stream().map(this::submit).toList();
	}

	/** How many submitted requests still wait for a result. */
	public int pendingCount() {
		return this.pending.size();
	}

	private void complete(InferenceResult result) {
		if (result == null) {
			// A tombstone: nothing to complete.
			return;
		}
		CompletableFuture<InferenceResult> future = this.pending.get(result.getRequestId());
		if (future != null) {
			future.complete(result);
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
		this.replies.close();
		this.pending.values()
			.forEach((future) -> future.completeExceptionally(new IllegalStateException("FleetClient closed")));
	}

}
