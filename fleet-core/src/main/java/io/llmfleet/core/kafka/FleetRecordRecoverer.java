package io.llmfleet.core.kafka;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.reply.Results;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutedRequest;

/**
 * The last exit of a record a listener could not handle, so that no bad record stops a
 * consumer and no request ends without an answer. A record that could not be decoded
 * becomes a POISON dead letter naming its topic, partition and offset (nobody can be
 * told: its {@code reply_to} is unreadable). A decoded request whose handling kept
 * failing gets a FAILED result that says where and why.
 */
public class FleetRecordRecoverer implements ConsumerRecordRecoverer {

	private static final Logger logger = LoggerFactory.getLogger(FleetRecordRecoverer.class);

	private final ResultPublisher publisher;

	private final String service;

	public FleetRecordRecoverer(ResultPublisher publisher, String service) {
		this.publisher = publisher;
		this.service = service;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		String cause = rootMessage(exception);
		InferenceRequest request = requestOf(record.value());
		if (request != null && !isDeserialization(exception)) {
			logger.warn("{} could not handle request {} from {}: {}; next: FAILED result", this.service,
					request.getRequestId(), where, cause);
			this.publisher.publish(request, Results.failed(request, ErrorKind.PERMANENT,
					this.service + " could not handle the request (" + where + "): " + cause));
			return;
		}
		String reason = "Undecodable or unusable record on " + where + ": " + cause;
		logger.warn("{}: {}; next: POISON dead letter", this.service, reason);
		DeadLetter letter = DeadLetter.newBuilder()
			.setErrorKind(ErrorKind.POISON)
			.setReason(reason)
			.setSourceTopic(record.topic())
			.setSourcePartition(record.partition())
			.setSourceOffset(record.offset())
			.setFailedAt(Instant.now())
			.build();
		this.publisher.deadLetter((record.key() != null) ? record.key().toString() : where, letter);
	}

	private static InferenceRequest requestOf(Object value) {
		if (value instanceof InferenceRequest request) {
			return request;
		}
		if (value instanceof ClassifiedRequest classified) {
			return classified.getRequest();
		}
		if (value instanceof RoutedRequest routed) {
			return routed.getRequest();
		}
		return null;
	}

	private static boolean isDeserialization(Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause()) {
			if (t instanceof DeserializationException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
