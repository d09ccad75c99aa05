package io.llmfleet.core.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;

import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.PoisonCause;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.registry.SchemaRegistryException;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The recoverer without a broker: records are built by hand and, for undecodable ones,
 * passed through Spring Kafka's real {@code ErrorHandlingDeserializer} and its exception
 * header, exactly as a listener container hands them over.
 */
class FleetRecordRecovererTests {

	private static final String REQUESTS = "fleet.requests";

	private static final FleetTopics TOPICS = new FleetTopics("fleet.", 3, 6, (short) 1);

	private final MapSchemaRegistry registry = new MapSchemaRegistry();

	private final FleetAvroSerializer<SpecificRecord> serializer = new FleetAvroSerializer<>(this.registry);

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private int maxRecordBytes = 4096;

	private final FleetRecordRecoverer recoverer = new FleetRecordRecoverer(this.publisher, "classifier-service",
			new PoisonMetrics(this.meters), TOPICS.deadLetter(), FleetRecordRecoverer.rawValueLimit(1024 * 1024));

	@Test
	void undecodableBytesBecomeAPoisonDeadLetterWithWhereKeyCauseAndRawBytes() {
		byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);

		recoverFromDeserializer(REQUESTS, 2, 41, "req-9", garbage, null);

		Sent sent = this.publisher.only();
		assertThat(sent.topic()).isEqualTo("fleet.dead-letter");
		assertThat(sent.key()).isEqualTo("req-9");
		DeadLetter letter = (DeadLetter) sent.value();
		assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.POISON);
		assertThat(letter.getPoisonCause()).isEqualTo(PoisonCause.NOT_WIRE_FORMAT);
		assertThat(letter.getSourceTopic()).isEqualTo(REQUESTS);
		assertThat(letter.getSourcePartition()).isEqualTo(2);
		assertThat(letter.getSourceOffset()).isEqualTo(41L);
		assertThat(letter.getSourceKey()).isEqualTo("req-9");
		assertThat(bytes(letter.getRawKey())).isEqualTo("req-9".getBytes(StandardCharsets.UTF_8));
		assertThat(bytes(letter.getRawValue())).isEqualTo(garbage);
		assertThat(letter.getRawValueSize()).isEqualTo(garbage.length);
		assertThat(letter.getRouted()).isNull();
		assertThat(letter.getReason()).startsWith("Poison record at fleet.requests-2@41 (NOT_WIRE_FORMAT): ")
			.contains("not the Confluent magic byte 0");
		assertThat(poisonCount("not_wire_format", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
	}

	@Test
	void eachKindOfPoisonIsCountedUnderItsCauseAndTopic() {
		byte[] valid = this.serializer.serialize("any", request("r-1"));
		byte[] badMagic = valid.clone();
		badMagic[0] = 1;
		byte[] unknownId = { 0, 0, 0, 0x7f, 0x7f, 2, 'r' };
		byte[] truncated = Arrays.copyOf(valid, valid.length - 3);
		byte[] wrongType = this.serializer.serialize("any", capacity());
		byte[] oversize = new byte[4097];

		recoverFromDeserializer(REQUESTS, 0, 1, "a", badMagic, null);
		recoverFromDeserializer(REQUESTS, 0, 2, "b", unknownId, null);
		recoverFromDeserializer(REQUESTS, 0, 3, "c", truncated, null);
		recoverFromDeserializer(REQUESTS, 0, 4, "d", wrongType, InferenceRequest.class);
		recoverFromDeserializer("fleet.model.llama3.2-3b", 1, 5, "e", oversize, null);

		assertThat(this.publisher.deadLetters()).extracting(DeadLetter::getPoisonCause)
			.containsExactly(PoisonCause.NOT_WIRE_FORMAT, PoisonCause.UNKNOWN_SCHEMA, PoisonCause.UNDECODABLE,
					PoisonCause.WRONG_TYPE, PoisonCause.OVERSIZE);
		assertThat(this.publisher.deadLetters()).extracting((letter) -> bytes(letter.getRawValue()))
			.containsExactly(badMagic, unknownId, truncated, wrongType, oversize);
		assertThat(poisonCount("not_wire_format", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
		assertThat(poisonCount("unknown_schema", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
		assertThat(poisonCount("undecodable", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
		assertThat(poisonCount("wrong_type", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
		assertThat(poisonCount("oversize", "fleet.model.llama3.2-3b", PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
	}

	@Test
	void aRecordOfTheWrongTypeHoldingARequestGetsARejectedResultOnItsReplyTopic() {
		byte[] routed = this.serializer.serialize("fleet.model.llama3.2-3b", routed("r-7"));

		recoverFromDeserializer(REQUESTS, 1, 7, "r-7", routed, InferenceRequest.class);

		Sent sent = this.publisher.only();
		assertThat(sent.topic()).isEqualTo("acme.results");
		InferenceResult result = (InferenceResult) sent.value();
		assertThat(result.getRequestId()).isEqualTo("r-7");
		assertThat(result.getStatus()).isEqualTo(ResultStatus.REJECTED);
		assertThat(result.getError().getKind()).isEqualTo(ErrorKind.POISON);
		assertThat(result.getError().getMessage()).contains("fleet.requests-1@7", "WRONG_TYPE",
				"is a io.llmfleet.schemas.RoutedRequest", "not the io.llmfleet.schemas.InferenceRequest");
		assertThat(poisonCount("wrong_type", REQUESTS, PoisonMetrics.REJECTED)).isEqualTo(1);
	}

	@Test
	void aDeadLetterKeepsAtMostTheFirst256KibOfAValueAndItsFullSize() {
		byte[] big = new byte[300 * 1024];
		Arrays.fill(big, (byte) 7);
		this.maxRecordBytes = 1024 * 1024;

		recoverFromDeserializer(REQUESTS, 0, 9, "big", big, null);

		DeadLetter letter = this.publisher.deadLetters().get(0);
		assertThat(bytes(letter.getRawValue())).hasSize(FleetRecordRecoverer.MAX_RAW_VALUE_BYTES)
			.isEqualTo(Arrays.copyOf(big, FleetRecordRecoverer.MAX_RAW_VALUE_BYTES));
		assertThat(letter.getRawValueSize()).isEqualTo(big.length);
	}

	@Test
	void aDeadLetterKeepsAtMostHalfTheDeserializersLimitSoItCanBeReadItself() {
		assertThat(FleetRecordRecoverer.rawValueLimit(64 * 1024)).isEqualTo(32 * 1024);
		assertThat(FleetRecordRecoverer.rawValueLimit(1024 * 1024)).isEqualTo(256 * 1024);
		assertThat(FleetRecordRecoverer.rawValueLimit(100 * 1024 * 1024)).isEqualTo(256 * 1024);
	}

	@Test
	void poisonOnTheDeadLetterTopicIsCountedButNeverDeadLetteredAgain() {
		recoverFromDeserializer(TOPICS.deadLetter(), 0, 12, "req-3", new byte[] { 42 }, null);
		this.recoverer.accept(record(TOPICS.deadLetter(), 0, 13, "gpu-1", capacity(), 90),
				listenerFailed(new IllegalStateException("boom")));

		assertThat(this.publisher.sent).isEmpty();
		assertThat(poisonCount("not_wire_format", TOPICS.deadLetter(), PoisonMetrics.KEPT)).isEqualTo(1);
		assertThat(poisonCount("unhandled", TOPICS.deadLetter(), PoisonMetrics.KEPT)).isEqualTo(1);
	}

	@Test
	void aRecordWithoutAKeyIsKeyedByWhereItWasRead() {
		recoverFromDeserializer(REQUESTS, 0, 3, null, new byte[] { 9 }, null);

		Sent sent = this.publisher.only();
		assertThat(sent.key()).isEqualTo("fleet.requests-0@3");
		assertThat(((DeadLetter) sent.value()).getSourceKey()).isNull();
		assertThat(((DeadLetter) sent.value()).getRawKey()).isNull();
	}

	@Test
	void aWrongTypeCaughtByTheListenerIsRejectedWhenItHoldsARequestAndDeadLetteredWhenNot() {
		ClassCastException cast = new ClassCastException(
				"class io.llmfleet.schemas.RoutedRequest cannot be cast to class io.llmfleet.schemas.InferenceRequest");

		this.recoverer.accept(record(REQUESTS, 0, 1, "r-8", routed("r-8"), 120), listenerFailed(cast));
		this.recoverer.accept(record(REQUESTS, 0, 2, "gpu-1", capacity(), 90), listenerFailed(cast));

		assertThat(this.publisher.sent.get(0).value()).isInstanceOfSatisfying(InferenceResult.class,
				(result) -> assertThat(result.getStatus()).isEqualTo(ResultStatus.REJECTED));
		DeadLetter letter = this.publisher.deadLetters().get(0);
		assertThat(letter.getPoisonCause()).isEqualTo(PoisonCause.WRONG_TYPE);
		assertThat(letter.getRawValue()).as("the bytes were decoded away").isNull();
		assertThat(letter.getRawValueSize()).isEqualTo(90);
		assertThat(poisonCount("wrong_type", REQUESTS, PoisonMetrics.REJECTED)).isEqualTo(1);
		assertThat(poisonCount("wrong_type", REQUESTS, PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
	}

	@Test
	void aRequestWhoseHandlingKeptFailingGetsAFailedResultAndIsNoPoison() {
		this.recoverer.accept(record(REQUESTS, 0, 5, "r-5", request("r-5"), 80),
				listenerFailed(new IllegalStateException("classifier model missing")));

		InferenceResult result = (InferenceResult) this.publisher.only().value();
		assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
		assertThat(result.getError().getMessage()).contains("fleet.requests-0@5", "classifier model missing");
		assertThat(this.meters.find(PoisonMetrics.RECORDS).counters()).isEmpty();
	}

	@Test
	void aDecodedRecordWithoutARequestWhoseHandlingKeptFailingIsAnUnhandledDeadLetter() {
		this.recoverer.accept(record("fleet.capacity", 0, 5, "gpu-1", capacity(), 80),
				listenerFailed(new IllegalStateException("boom")));

		assertThat(this.publisher.deadLetters()).singleElement()
			.satisfies((letter) -> assertThat(letter.getPoisonCause()).isEqualTo(PoisonCause.UNHANDLED));
		assertThat(poisonCount("unhandled", "fleet.capacity", PoisonMetrics.DEAD_LETTER)).isEqualTo(1);
	}

	@Test
	void aDeadLetterHoldingARequestWhoseHandlingKeptFailingEndsTheRequestWithAFailedResult() {
		DeadLetter failed = DeadLetter.newBuilder()
			.setRouted(routed("r-6"))
			.setErrorKind(ErrorKind.CAPACITY)
			.setReason("no slot")
			.setFailedAt(Instant.now())
			.build();

		this.recoverer.accept(record("fleet.dead-letter", 0, 5, "r-6", failed, 300),
				listenerFailed(new IllegalStateException("router broken")));

		assertThat(this.publisher.only().value()).isInstanceOfSatisfying(InferenceResult.class,
				(result) -> assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED));
	}

	@Test
	void aRecordUnreadableWhileTheRegistryIsAwayIsReadAgainNotDeadLettered() {
		MapSchemaRegistry away = new MapSchemaRegistry() {
			@Override
			public Schema getById(int id) {
				throw new SchemaRegistryException("Schema registry at http://127.0.0.1:1/ is unreachable",
						new java.io.IOException("Connection refused"));
			}
		};
		byte[] valid = this.serializer.serialize("any", request("r-2"));
		ConsumerRecord<String, Object> record = throughErrorHandlingDeserializer(new FleetAvroDeserializer<>(away),
				REQUESTS, 0, 8, "r-2", valid);

		assertThatThrownBy(() -> this.recoverer.accept(record, exceptionOf(record))).isInstanceOf(KafkaException.class)
			.hasMessageContaining("fleet.requests-0@8 waits for the schema registry");
		assertThat(this.publisher.sent).isEmpty();
		assertThat(this.meters.find(PoisonMetrics.RECORDS).counters()).isEmpty();
	}

	private void recoverFromDeserializer(String topic, int partition, long offset, String key, byte[] value,
			Class<?> expectedType) {
		Map<String, Object> configs = new HashMap<>();
		configs.put(FleetAvroDeserializer.MAX_RECORD_BYTES_CONFIG, this.maxRecordBytes);
		if (expectedType != null) {
			configs.put(FleetAvroDeserializer.VALUE_TYPE_CONFIG, expectedType.getName());
		}
		FleetAvroDeserializer<SpecificRecord> deserializer = new FleetAvroDeserializer<>(this.registry);
		deserializer.configure(configs, false);
		ConsumerRecord<String, Object> record = throughErrorHandlingDeserializer(deserializer, topic, partition, offset,
				key, value);
		this.recoverer.accept(record, exceptionOf(record));
	}

	/** What a container does: deserialize, keep the failure in a header, read it back. */
	private static ConsumerRecord<String, Object> throughErrorHandlingDeserializer(
			FleetAvroDeserializer<SpecificRecord> delegate, String topic, int partition, long offset, String key,
			byte[] value) {
		RecordHeaders headers = new RecordHeaders();
		Object decoded;
		try (ErrorHandlingDeserializer<SpecificRecord> deserializer = new ErrorHandlingDeserializer<>(delegate)) {
			decoded = deserializer.deserialize(topic, headers, value);
		}
		return new ConsumerRecord<>(topic, partition, offset, 0L, TimestampType.CREATE_TIME,
				(key != null) ? key.length() : -1, value.length, key, decoded, headers, Optional.empty());
	}

	private static Exception exceptionOf(ConsumerRecord<?, ?> record) {
		return listenerFailed(SerializationUtils.getExceptionFromHeader(record,
				KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, new LogAccessor(FleetRecordRecovererTests.class)));
	}

	private static ListenerExecutionFailedException listenerFailed(Throwable cause) {
		return new ListenerExecutionFailedException("Listener failed", cause);
	}

	private static ConsumerRecord<String, Object> record(String topic, int partition, long offset, String key,
			Object value, int size) {
		return new ConsumerRecord<>(topic, partition, offset, 0L, TimestampType.CREATE_TIME, key.length(), size, key,
				value, new RecordHeaders(), Optional.empty());
	}

	private double poisonCount(String cause, String topic, String outcome) {
		return this.meters.get(PoisonMetrics.RECORDS)
			.tag("cause", cause)
			.tag("topic", topic)
			.tag("outcome", outcome)
			.counter()
			.count();
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

	static InferenceRequest request(String id) {
		return InferenceRequest.newBuilder()
			.setRequestId(id)
			.setReplyTo("acme.results")
			.setMessages(List.of(new ChatMessage("user", "hello")))
			.setCreatedAt(Instant.ofEpochMilli(1_750_000_000_000L))
			.build();
	}

	static RoutedRequest routed(String id) {
		return RoutedRequest.newBuilder()
			.setRequest(request(id))
			.setClassification(
					Classification.newBuilder().setTier("fast").setConfidence(0.9).setClassifier("rules@1").build())
			.setModelId("llama3.2-3b")
			.setTier("fast")
			.setRoutedAt(Instant.ofEpochMilli(1_750_000_000_001L))
			.build();
	}

	static CapacityReport capacity() {
		return CapacityReport.newBuilder()
			.setWorkerId("gpu-1")
			.setHost("host-a")
			.setSource(CapacitySource.STATIC)
			.setReportedAt(Instant.ofEpochMilli(1_750_000_000_000L))
			.build();
	}

	/** What the publisher was asked to write, in order. */
	record Sent(String topic, String key, Object value) {
	}

	/** Records what would have been written instead of writing it. */
	static final class RecordingPublisher extends ResultPublisher {

		final List<Sent> sent = new ArrayList<>();

		RecordingPublisher() {
			super(null, TOPICS);
		}

		@Override
		public void send(String topic, String key, Object value) {
			this.sent.add(new Sent(topic, key, value));
		}

		Sent only() {
			assertThat(this.sent).hasSize(1);
			return this.sent.get(0);
		}

		List<DeadLetter> deadLetters() {
			return this.sent.stream()
				.map(Sent::value)
				.filter(DeadLetter.class::isInstance)
				.map(DeadLetter.class::cast)
				.toList();
		}

	}

}
