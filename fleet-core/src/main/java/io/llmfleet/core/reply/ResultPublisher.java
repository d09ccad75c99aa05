package io.llmfleet.core.reply;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaException;

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

	public ResultPublisher(KafkaOperations<String, Object> kafka, FleetTopics topics) {
		this.kafka = kafka;
		this.topics = topics;
	}

	/** Sends {@code result} to {@code request}'s reply topic, keyed by request id. */
	public void publish(InferenceRequest request, InferenceResult result) {
		send(this.topics.replyTo(request), result.getRequestId(), result);
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
