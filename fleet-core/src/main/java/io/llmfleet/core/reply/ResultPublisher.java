package io.llmfleet.core.reply;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.kafka.core.KafkaOperations;

import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;

/**
 * Writes results to each request's reply topic and dead letters to the dead-letter topic,
 * and waits for the broker's acknowledgement, so a listener returns (and its offset is
 * committed) only after its one exit is durable. Inside a Kafka transaction the write
 * joins it; outside one, on a transactional template, it runs in a transaction of its
 * own.
 */
public class ResultPublisher {

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final KafkaOperations<String, Object> kafka;

	private final FleetTopics topics;

	private final ResultMetrics metrics;

	public ResultPublisher(KafkaOperations<String, Object> kafka, FleetTopics topics, ResultMetrics metrics) {
		this.kafka = kafka;
		this.topics = topics;
		this.metrics = metrics;
	}

	/** A publisher that counts its results privately (tests, tools). */
	public ResultPublisher(KafkaOperations<String, Object> kafka, FleetTopics topics) {
		this(kafka, topics, new ResultMetrics(new SimpleMeterRegistry()));
	}

	/**
	 * Sends {@code result} to {@code request}'s reply topic, keyed by request id, and
	 * counts it once it is written.
	 */
	public void publish(InferenceRequest request, InferenceResult result) {
		send(this.topics.replyTo(request), result.getRequestId(), result);
		this.metrics.record(result);
	}

	/** Sends {@code letter} to the dead-letter topic under {@code key}. */
	public void deadLetter(String key, DeadLetter letter) {
		send(this.topics.deadLetter(), key, letter);
	}

	/** Sends {@code value} to {@code topic} and waits for the acknowledgement. */
	public void send(String topic, String key, Object value) {
		if (this.kafka.isTransactional() && !this.kafka.inTransaction()) {
			this.kafka.executeInTransaction((operations) -> {
				await(operations, topic, key, value);
				return null;
			});
		}
		else {
			await(this.kafka, topic, key, value);
		}
	}

	private static void await(KafkaOperations<String, Object> kafka, String topic, String key, Object value) {
		try {
			kafka.send(topic, key, value).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted writing " + key + " to " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new KafkaException("Could not write " + key + " to " + topic + ": " + ex.getMessage(), ex);
		}
	}

}
