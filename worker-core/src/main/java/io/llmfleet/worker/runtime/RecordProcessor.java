package io.llmfleet.worker.runtime;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

import io.llmfleet.schemas.RoutedRequest;

/**
 * Takes one record of a model topic to its one exit on a slot thread, as a listener
 * container's error handling would: a readable record goes to the
 * {@link RoutedRequestHandler}, which is tried again twice (200 ms apart) when writing
 * its exit fails and then handed to the recoverer, which writes a FAILED result; a record
 * that cannot be read goes to the recoverer at once (a POISON dead letter or a REJECTED
 * result). When even the recoverer cannot write (the broker or the schema registry is
 * away), it is tried again with a growing pause, reading the record's bytes again first,
 * until it works or the worker stops. Thread-safe.
 */
final class RecordProcessor {

	private static final Logger logger = LoggerFactory.getLogger(RecordProcessor.class);

	private static final LogAccessor HEADER_LOG = new LogAccessor(RecordProcessor.class);

	private static final int HANDLING_ATTEMPTS = 3;

	private static final Duration HANDLING_BACKOFF = Duration.ofMillis(200);

	private static final Duration FIRST_RECOVERY_BACKOFF = Duration.ofMillis(500);

	private static final Duration MAX_RECOVERY_BACKOFF = Duration.ofSeconds(30);

	private final RoutedRequestHandler handler;

	private final ConsumerRecordRecoverer recoverer;

	private final RecordDecoder decoder;

	private final ObservationRegistry observations;

	RecordProcessor(RoutedRequestHandler handler, ConsumerRecordRecoverer recoverer, RecordDecoder decoder) {
		this(handler, recoverer, decoder, ObservationRegistry.NOOP);
	}

	/**
	 * A processor that observes each record as a Spring Kafka listener does, so the trace
	 * its {@code traceparent} header names goes on through the result it writes.
	 */
	RecordProcessor(RoutedRequestHandler handler, ConsumerRecordRecoverer recoverer, RecordDecoder decoder,
			ObservationRegistry observations) {
		this.handler = handler;
		this.recoverer = recoverer;
		this.decoder = decoder;
		this.observations = observations;
	}

	/**
	 * Takes a record to its exit.
	 * @param record the record as polled
	 * @return true once its one exit is written, so its offset may be committed; false
	 * when the worker stopped first (the thread was interrupted) and it is left to be
	 * read again
	 */
	boolean process(ConsumerRecord<String, RoutedRequest> record) {
		Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
				KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
				() -> new KafkaRecordReceiverContext(record, "worker-" + record.topic(), () -> null),
				this.observations);
		return observation.observe(() -> {
			DeserializationException undecodable = undecodable(record);
			return (undecodable != null) ? recover(record, undecodable) : handle(record);
		});
	}

	private boolean handle(ConsumerRecord<String, RoutedRequest> record) {
		RuntimeException failure = null;
		for (int attempt = 1; attempt <= HANDLING_ATTEMPTS; attempt++) {
			try {
				this.handler.handle(record);
				return true;
			}
			catch (CallAbandonedException ex) {
				logger.info("{}; next: none here, the record stays uncommitted", ex.getMessage());
				return false;
			}
			catch (RuntimeException ex) {
				if (Thread.currentThread().isInterrupted()) {
					return false;
				}
				failure = ex;
				logger.warn("Handling {} failed, attempt {}/{}: {}; next: {}", where(record), attempt,
						HANDLING_ATTEMPTS, ex.toString(), (attempt < HANDLING_ATTEMPTS) ? "retry" : "recoverer");
				if (attempt < HANDLING_ATTEMPTS && !Pauses.pause(HANDLING_BACKOFF)) {
					return false;
				}
			}
		}
		return recover(record, failure);
	}

	private boolean recover(ConsumerRecord<String, RoutedRequest> record, Exception failure) {
		ConsumerRecord<String, RoutedRequest> current = record;
		Exception reason = failure;
		Duration backoff = FIRST_RECOVERY_BACKOFF;
		while (true) {
			try {
				this.recoverer.accept(current, reason);
				return true;
			}
			catch (RuntimeException ex) {
				if (Thread.currentThread().isInterrupted()) {
					return false;
				}
				logger.warn("Recovering {} failed: {}; next: try again in {} ms", where(current), ex.toString(),
						backoff.toMillis());
				if (!Pauses.pause(backoff)) {
					return false;
				}
				backoff = (backoff.compareTo(MAX_RECOVERY_BACKOFF.dividedBy(2)) < 0) ? backoff.multipliedBy(2)
						: MAX_RECOVERY_BACKOFF;
				if (reason instanceof DeserializationException undecodable) {
					// the schema registry may be back: the record may be readable now
					current = this.decoder.decode(current, undecodable);
					DeserializationException still = undecodable(current);
					if (still == null) {
						return handle(current);
					}
					reason = still;
				}
			}
		}
	}

	private static DeserializationException undecodable(ConsumerRecord<String, RoutedRequest> record) {
		if (record.value() != null) {
			return null;
		}
		return SerializationUtils.getExceptionFromHeader(record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
				HEADER_LOG);
	}

	private static String where(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}

}
