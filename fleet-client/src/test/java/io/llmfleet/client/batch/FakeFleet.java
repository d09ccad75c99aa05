package io.llmfleet.client.batch;

import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicFollower;
import io.llmfleet.client.kafka.TopicScan;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.Timings;

/**
 * The test playing the fleet: it reads committed requests from the requests topic and
 * answers each on its {@code reply_to} after a delay (output: its {@code custom_id}),
 * counting every request it sees and the most it had read but not answered at once.
 */
final class FakeFleet implements AutoCloseable {

	private final KafkaProducer<String, InferenceResult> producer;

	private final TopicFollower<InferenceRequest> requests;

	private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();

	private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();

	private final Set<String> answered = ConcurrentHashMap.newKeySet();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final AtomicInteger mostUnanswered = new AtomicInteger();

	private final Queue<InferenceRequest> held = new ConcurrentLinkedQueue<>();

	private volatile Predicate<InferenceRequest> answerNow = (request) -> true;

	FakeFleet(FleetClientConfig config, long delayMs) {
		this.producer = KafkaClients.producer(config, Map.of());
		var consumer = KafkaClients.consumer(config, InferenceRequest.class);
		this.requests = new TopicFollower<>(consumer, TopicScan.beginning(consumer, config.requestsTopic()),
				(record) -> {
					InferenceRequest request = record.value();
					this.seen.computeIfAbsent(request.getRequestId(), (id) -> new AtomicInteger()).incrementAndGet();
					this.mostUnanswered.accumulateAndGet(this.unanswered.incrementAndGet(), Math::max);
					this.answers.schedule(() -> answer(request), delayMs, TimeUnit.MILLISECONDS);
				}, "fake-fleet");
	}

	private void answer(InferenceRequest request) {
		if (!this.answerNow.test(request)) {
			this.held.add(request);
			return;
		}
		InferenceResult result = InferenceResult.newBuilder()
			.setRequestId(request.getRequestId())
			.setBatchId(request.getBatchId())
			.setStatus(ResultStatus.OK)
			.setOutput(request.getMetadata().get(BatchIds.CUSTOM_ID))
			.setTier("fast")
			.setTimings(Timings.newBuilder().build())
			.setCompletedAt(Instant.now())
			.build();
		// Counted as answered before it is sent: the client cannot see it any earlier.
		if (this.answered.add(request.getRequestId())) {
			this.unanswered.decrementAndGet();
		}
		this.producer.send(new ProducerRecord<>(request.getReplyTo(), request.getRequestId(), result));
	}

	/** Answers only the requests {@code answerNow} accepts; holds the others. */
	void holdUnless(Predicate<InferenceRequest> answerNow) {
		this.answerNow = answerNow;
	}

	/** Answers every request from now on, the held ones first. */
	void release() {
		this.answerNow = (request) -> true;
		this.answers.execute(() -> {
			InferenceRequest request;
			while ((request = this.held.poll()) != null) {
				answer(request);
			}
		});
	}

	/** How many times each request id was read. */
	Map<String, AtomicInteger> seen() {
		return this.seen;
	}

	/** The most requests read and not yet answered at any moment. */
	int mostUnanswered() {
		return this.mostUnanswered.get();
	}

	@Override
	public void close() {
		this.requests.close();
		this.answers.shutdownNow();
		this.producer.close();
	}

}
