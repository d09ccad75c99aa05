package io.llmfleet.core.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;

import io.llmfleet.core.kafka.RecordFailure.HandlingFailed;
import io.llmfleet.core.kafka.RecordFailure.Poison;
import io.llmfleet.core.kafka.RecordFailure.RegistryUnavailable;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.reply.Results;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.PoisonCause;
import io.llmfleet.schemas.RoutedRequest;

/**
 * The last exit of a record a listener could not handle, so that no bad record stops a
 * consumer and no request ends without an answer.
 * <ul>
 * <li>A poison record that still holds a request (a RoutedRequest written to the requests
 * topic) gets a REJECTED result on the request's {@code reply_to}.</li>
 * <li>Any other poison record (bytes that do not decode, an unknown schema id, a wrong
 * magic byte, an oversize value, a record of the wrong type with no request in it)
 * becomes a POISON dead letter naming its topic, partition, offset, key and
 * {@link PoisonCause}, with its raw key and value bytes. Of the value it keeps at most
 * {@link #rawValueLimit(int) half the deserializer's limit} (and never more than
 * {@value #MAX_RAW_VALUE_BYTES} bytes), so that the dead letter can itself be read: an
 * OVERSIZE value is always cut, {@code raw_value_size} keeps its full length.</li>
 * <li>Poison read from the dead-letter topic itself is only logged and counted (outcome
 * {@value PoisonMetrics#KEPT}): it already is on that topic, and a dead letter of a dead
 * letter that cannot be read would be read, fail and be dead-lettered again, for
 * ever.</li>
 * <li>A decoded request whose handling kept failing gets a FAILED result that says where
 * and why; a decoded record without a request becomes an UNHANDLED poison dead
 * letter.</li>
 * <li>A record that could not be read because the schema registry is away is no poison:
 * recovery fails, and the container reads the record again.</li>
 * </ul>
 * Each poison record counts once in {@link PoisonMetrics}.
 */
public class FleetRecordRecoverer implements ConsumerRecordRecoverer {

	/** The most value bytes a dead letter keeps, whatever the deserializer's limit. */
	public static final int MAX_RAW_VALUE_BYTES = 256 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(FleetRecordRecoverer.class);

	private final ResultPublisher publisher;

	private final String service;

	private final PoisonMetrics metrics;

	private final String deadLetterTopic;

	private final int maxRawValueBytes;

	/**
	 * A recoverer writing through {@code publisher}.
	 * @param publisher writes results and dead letters
	 * @param service the service's name, for log lines and messages
	 * @param metrics counts poison
	 * @param deadLetterTopic where dead letters go, and poison is only counted
	 * @param maxRawValueBytes the most value bytes a dead letter keeps (see
	 * {@link #rawValueLimit(int)})
	 */
	public FleetRecordRecoverer(ResultPublisher publisher, String service, PoisonMetrics metrics,
			String deadLetterTopic, int maxRawValueBytes) {
		this.publisher = publisher;
		this.service = service;
		this.metrics = metrics;
		this.deadLetterTopic = deadLetterTopic;
		this.maxRawValueBytes = maxRawValueBytes;
	}

	/**
	 * The most value bytes a dead letter keeps when the fleet's deserializers refuse
	 * values over {@code maxRecordBytes}: half of it, leaving room for the rest of the
	 * dead letter, and at most {@value #MAX_RAW_VALUE_BYTES}.
	 */
	public static int rawValueLimit(int maxRecordBytes) {
		return Math.min(MAX_RAW_VALUE_BYTES, maxRecordBytes / 2);
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		String where = record.topic() + "-" + record.partition() + "@" + record.offset();
		RecordFailure failure = RecordFailure.of(record, exception);
		if (failure instanceof RegistryUnavailable unavailable) {
			logger.warn(
					"{}: record on {} cannot be read while the schema registry is unavailable: {}; next: read again",
					this.service, where, unavailable.reason());
			throw new KafkaException("Record on " + where + " waits for the schema registry: " + unavailable.reason());
		}
		if (failure instanceof HandlingFailed failed) {
			InferenceRequest request = requestOf(failed.value());
			if (request != null) {
				logger.warn("{} could not handle request {} from {}: {}; next: FAILED result", this.service,
						request.getRequestId(), where, failed.reason());
				this.publisher.publish(request, Results.failed(request, ErrorKind.PERMANENT,
						this.service + " could not handle the request (" + where + "): " + failed.reason()));
				return;
			}
			poison(record, where, new Poison(PoisonCause.UNHANDLED, failed.reason(), failed.value(), null, null));
			return;
		}
		poison(record, where, (Poison) failure);
	}

	private void poison(ConsumerRecord<?, ?> record, String where, Poison poison) {
		String reason = "Poison record at " + where + " (" + poison.cause() + "): " + poison.reason();
		InferenceRequest request = requestOf(poison.decoded());
		if (request != null) {
			logger.warn("{}: {}; next: REJECTED result for request {}", this.service, reason, request.getRequestId());
			this.publisher.publish(request, Results.rejected(request, ErrorKind.POISON, reason));
			this.metrics.count(poison.cause(), record.topic(), PoisonMetrics.REJECTED);
			return;
		}
		if (record.topic().equals(this.deadLetterTopic)) {
			logger.warn("{}: {}; next: none, it stays on {}", this.service, reason, this.deadLetterTopic);
			this.metrics.count(poison.cause(), record.topic(), PoisonMetrics.KEPT);
			return;
		}
		logger.warn("{}: {}; next: POISON dead letter", this.service, reason);
		this.publisher.deadLetter((record.key() != null) ? record.key().toString() : where,
				deadLetter(record, poison, reason));
		this.metrics.count(poison.cause(), record.topic(), PoisonMetrics.DEAD_LETTER);
	}

	private DeadLetter deadLetter(ConsumerRecord<?, ?> record, Poison poison, String reason) {
		byte[] rawKey = (poison.rawKey() != null) ? poison.rawKey() : bytesOf(record.key());
		byte[] rawValue = poison.rawValue();
		return DeadLetter.newBuilder()
			.setErrorKind(ErrorKind.POISON)
			.setReason(reason)
			.setSourceTopic(record.topic())
			.setSourcePartition(record.partition())
			.setSourceOffset(record.offset())
			.setFailedAt(Instant.now())
			.setPoisonCause(poison.cause())
			.setSourceKey((record.key() != null) ? record.key().toString() : null)
			.setRawKey((rawKey != null) ? ByteBuffer.wrap(rawKey) : null)
			.setRawValue((rawValue != null)
					? ByteBuffer.wrap(Arrays.copyOf(rawValue, Math.min(rawValue.length, this.maxRawValueBytes))) : null)
			.setRawValueSize((rawValue != null) ? rawValue.length : sizeOf(record))
			.build();
	}

	/**
	 * The key's bytes: as they came for a byte-array key, the UTF-8 of a string key
	 * (exact for any key that was valid UTF-8).
	 */
	private static byte[] bytesOf(Object key) {
		if (key instanceof byte[] bytes) {
			return bytes;
		}
		return (key != null) ? key.toString().getBytes(StandardCharsets.UTF_8) : null;
	}

	private static Integer sizeOf(ConsumerRecord<?, ?> record) {
		return (record.serializedValueSize() >= 0) ? record.serializedValueSize() : null;
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
		if (value instanceof DeadLetter letter && letter.getRouted() != null) {
			return letter.getRouted().getRequest();
		}
		return null;
	}

}
