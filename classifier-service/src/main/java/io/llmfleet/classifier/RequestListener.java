package io.llmfleet.classifier;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.classifier.rules.ClassifierDecision.Classified;
import io.llmfleet.classifier.rules.ClassifierDecision.Rejected;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.reply.Results;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;

/**
 * Reads {@code requests} and writes each one's single exit: a classified request, a
 * REJECTED result that says what to change, or an EXPIRED result. With a transactional
 * producer the read, the write and the offset commit are one Kafka transaction.
 */
@Component
public class RequestListener {

	private static final Logger logger = LoggerFactory.getLogger(RequestListener.class);

	private final TierClassifier classifier;

	private final ResultPublisher publisher;

	private final FleetTopics topics;

	RequestListener(TierClassifier classifier, ResultPublisher publisher, FleetTopics topics) {
		this.classifier = classifier;
		this.publisher = publisher;
		this.topics = topics;
	}

	/** The topic this listener reads, for the annotation's expression. */
	public String getTopic() {
		return this.topics.requests();
	}

	// Anything but an InferenceRequest on the topic fails in the deserializer as
	// WRONG_TYPE, with its bytes kept for the dead letter.
	@KafkaListener(topics = "#{__listener.topic}", groupId = "${spring.application.name}",
			properties = FleetAvroDeserializer.VALUE_TYPE_CONFIG + "=io.llmfleet.schemas.InferenceRequest")
	void onRequest(ConsumerRecord<String, InferenceRequest> record) {
		InferenceRequest request = record.value();
		Optional<String> replyToProblem = this.topics.replyToProblem(request.getReplyTo());
		if (replyToProblem.isPresent()) {
			// the REJECTED result goes to the default results topic (FleetTopics.replyTo)
			logger.info("Request {} rejected: {}", request.getRequestId(), replyToProblem.get());
			this.publisher.publish(request, Results.rejected(request, ErrorKind.PERMANENT, replyToProblem.get()));
			return;
		}
		if (Results.isExpired(request, Instant.now())) {
			this.publisher.publish(request, Results.expired(request, "the classifier"));
			return;
		}
		ClassifierDecision decision = this.classifier.classify(request);
		if (decision instanceof Rejected rejected) {
			logger.info("Request {} rejected: {}", request.getRequestId(), rejected.reason());
			this.publisher.publish(request, Results.rejected(request, ErrorKind.PERMANENT, rejected.reason()));
			return;
		}
		ClassifiedRequest classified = new ClassifiedRequest(request, ((Classified) decision).classification(),
				Instant.now());
		this.publisher.send(this.topics.classified(), request.getRequestId(), classified);
	}

}
