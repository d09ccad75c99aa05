package io.llmfleet.dispatcher;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.reply.Results;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.dispatcher.fallback.FallbackPlanner;
import io.llmfleet.dispatcher.health.ModelLoad;
import io.llmfleet.dispatcher.routing.Decision;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;

/**
 * The dispatcher's two inputs: classified requests, routed to a model topic, and dead
 * letters, re-routed or finished with a result. Each record's one exit is written in the
 * same Kafka transaction as its offset.
 */
@Component
public class DispatchListeners {

	private static final Logger logger = LoggerFactory.getLogger(DispatchListeners.class);

	private final Router router;

	private final FallbackPlanner fallback;

	private final ResultPublisher publisher;

	private final FleetTopics topics;

	private final ModelLoad load;

	private final DispatchMetrics metrics;

	DispatchListeners(Router router, FallbackPlanner fallback, ResultPublisher publisher, FleetTopics topics,
			ModelLoad load, DispatchMetrics metrics) {
		this.router = router;
		this.fallback = fallback;
		this.publisher = publisher;
		this.topics = topics;
		this.load = load;
		this.metrics = metrics;
	}

	/** The topic of classified requests, for the annotation's expression. */
	public String getClassifiedTopic() {
		return this.topics.classified();
	}

	/** The dead-letter topic, for the annotation's expression. */
	public String getDeadLetterTopic() {
		return this.topics.deadLetter();
	}

	// Each listener names the one type its topic carries: anything else fails in the
	// deserializer as WRONG_TYPE, with its bytes kept for the dead letter.
	@KafkaListener(topics = "#{__listener.classifiedTopic}", groupId = "${spring.application.name}",
			properties = FleetAvroDeserializer.VALUE_TYPE_CONFIG + "=io.llmfleet.schemas.ClassifiedRequest")
	void onClassified(ConsumerRecord<String, ClassifiedRequest> record) {
		ClassifiedRequest classified = record.value();
		InferenceRequest request = classified.getRequest();
		if (Results.isExpired(request, Instant.now())) {
			this.publisher.publish(request, Results.expired(request, "the dispatcher"));
			return;
		}
		carryOut(this.router.first(classified), record);
	}

	@KafkaListener(topics = "#{__listener.deadLetterTopic}", groupId = "${spring.application.name}",
			properties = FleetAvroDeserializer.VALUE_TYPE_CONFIG + "=io.llmfleet.schemas.DeadLetter")
	void onDeadLetter(ConsumerRecord<String, DeadLetter> record) {
		Decision decision = this.fallback.plan(record.value());
		if (decision instanceof Decision.Route) {
			this.metrics.fellBack(record.value().getErrorKind());
		}
		carryOut(decision, record);
	}

	private void carryOut(Decision decision, ConsumerRecord<String, ?> record) {
		if (decision instanceof Decision.Route route) {
			send(route.routed());
		}
		else if (decision instanceof Decision.Finish finish) {
			logger.info("Request {} ends {} after {} attempt(s): {}", finish.request().getRequestId(),
					finish.result().getStatus(), finish.result().getAttempts(),
					finish.result().getError().getMessage());
			this.publisher.publish(finish.request(), finish.result());
		}
		else if (decision instanceof Decision.Keep keep) {
			logger.warn("Dead letter {} holds no request to re-route; kept on {}: {}", record.key(), record.topic(),
					keep.reason());
		}
	}

	private void send(RoutedRequest routed) {
		this.publisher.send(this.topics.model(routed.getModelId()), routed.getRequest().getRequestId(), routed);
		this.load.routed(routed.getRequest().getRequestId(), routed.getModelId());
	}

}
