package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.capacity.GpuProperties;
import io.llmfleet.worker.capacity.InFlightSlots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How one record reaches its one exit, without a broker: hand-built records, a publisher
 * whose first writes fail, a recoverer that fails once.
 */
class RecordProcessorTests {

	private static final FleetTopics TOPICS = new FleetTopics("fleet.", 3, 6, (short) 1);

	private static final Model MODEL = new Model("m1", "scripted", "m1:7b", "small", 8192, DataSize.ofGigabytes(4));

	private final FailingFirstProducer producer = new FailingFirstProducer();

	private final KafkaTemplate<String, Object> template = new KafkaTemplate<>(
			new MockProducerFactory<>(() -> this.producer));

	private final AtomicInteger backendCalls = new AtomicInteger();

	private final List<Exception> recovered = new CopyOnWriteArrayList<>();

	private final AtomicInteger recovererFailures = new AtomicInteger();

	private final ConsumerRecordRecoverer recoverer = (record, exception) -> {
		if (this.recovererFailures.getAndDecrement() > 0) {
			throw new KafkaException("the schema registry is away");
		}
		this.recovered.add(exception);
	};

	@Test
	void aRecordWhoseResultCannotBeWrittenIsServedAgainAndAnsweredOnce() {
		this.producer.failFirst(2);

		boolean finished = processor(answering()).process(record(routed()));

		assertThat(finished).isTrue();
		assertThat(this.backendCalls).hasValue(3);
		assertThat(sent("fleet.results")).hasSize(1);
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void aRecordWhoseResultNeverGetsWrittenGoesToTheRecovererOnceAfterThreeAttempts() {
		this.producer.failFirst(Integer.MAX_VALUE);

		boolean finished = processor(answering()).process(record(routed()));

		assertThat(finished).isTrue();
		assertThat(this.backendCalls).hasValue(3);
		assertThat(this.recovered).singleElement()
			.satisfies((exception) -> assertThat(exception).hasMessageContaining("broker away"));
	}

	@Test
	void anUnreadableRecordGoesToTheRecovererWithoutReachingTheBackend() {
		boolean finished = processor(answering()).process(unreadable());

		assertThat(finished).isTrue();
		assertThat(this.backendCalls).hasValue(0);
		assertThat(this.recovered).singleElement().isInstanceOf(DeserializationException.class);
	}

	@Test
	void anUnreadableRecordIsReadAgainWhenItCouldNotBeRecoveredAndServedOnceReadable() {
		this.recovererFailures.set(1);
		ReadableOnSecondTry.reads.set(0);

		boolean finished = processor(answering()).process(unreadable());

		assertThat(finished).isTrue();
		assertThat(ReadableOnSecondTry.reads).hasValue(1);
		assertThat(this.backendCalls).hasValue(1);
		assertThat(sent("fleet.results")).hasSize(1);
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void aRecordTheWorkerGaveUpIsNeitherAnsweredNorRecovered() {
		Backend aborted = new Backend() {

			@Override
			public String kind() {
				return "scripted";
			}

			@Override
			public BackendOutcome chat(BackendCall call) {
				RecordProcessorTests.this.backendCalls.incrementAndGet();
				Thread.currentThread().interrupt();
				return new BackendOutcome.Failed(io.llmfleet.schemas.ErrorKind.TRANSIENT, "interrupted");
			}

		};
		try {
			boolean finished = processor(aborted).process(record(routed()));

			assertThat(finished).isFalse();
			assertThat(this.backendCalls).hasValue(1);
			assertThat(this.producer.history()).isEmpty();
			assertThat(this.recovered).isEmpty();
		}
		finally {
			Thread.interrupted();
		}
	}

	private Backend answering() {
		return new Backend() {

			@Override
			public String kind() {
				return "scripted";
			}

			@Override
			public BackendOutcome chat(BackendCall call) {
				RecordProcessorTests.this.backendCalls.incrementAndGet();
				return new BackendOutcome.Completed("answer", 7, 5, 12L, "stop");
			}

		};
	}

	private RecordProcessor processor(Backend backend) {
		WorkerProperties properties = new WorkerProperties("w1", "scripted", List.of(), 2, Duration.ofSeconds(30), 2,
				Duration.ofMillis(1), Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2),
				Duration.ofSeconds(30), false, GpuProperties.defaults());
		RoutedRequestHandler handler = new RoutedRequestHandler(backend, new ServedModels(List.of(MODEL)), properties,
				new ResultPublisher(this.template, TOPICS), new InFlightSlots(List.of("m1"), 2),
				new AttemptOutcomes(this.template, TOPICS.outcomes(), "w1"));
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
		config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ReadableOnSecondTry.class);
		return new RecordProcessor(handler, this.recoverer, new RecordDecoder(config));
	}

	private List<ProducerRecord<String, Object>> sent(String topic) {
		return this.producer.history().stream().filter((sent) -> sent.topic().equals(topic)).toList();
	}

	private static ConsumerRecord<String, RoutedRequest> record(RoutedRequest routed) {
		return new ConsumerRecord<>("fleet.model.m1", 0, 42L, routed.getRequest().getRequestId(), routed);
	}

	// what ErrorHandlingDeserializer hands over for bytes it could not read
	private static ConsumerRecord<String, RoutedRequest> unreadable() {
		byte[] bytes = { 0, 0, 0, 0, 7 };
		Headers headers = new RecordHeaders();
		SerializationUtils.deserializationException(headers, bytes,
				new DeserializationException("schema 7 cannot be fetched", bytes, false, new KafkaException("away")),
				false);
		return new ConsumerRecord<>("fleet.model.m1", 0, 43L, 0L, TimestampType.CREATE_TIME, 3, bytes.length, "r-1",
				null, headers, Optional.empty(), Optional.empty());
	}

	static RoutedRequest routed() {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("r-1")
			.setMessages(List.of(new ChatMessage("user", "hi")))
			.setCreatedAt(Instant.now())
			.build();
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(
					Classification.newBuilder().setTier("small").setConfidence(0.8).setClassifier("test@1").build())
			.setModelId("m1")
			.setTier("small")
			.setRoutedAt(Instant.now())
			.build();
	}

	/** A value deserializer that reads every value as the same routed request. */
	public static final class ReadableOnSecondTry implements Deserializer<RoutedRequest> {

		static final AtomicInteger reads = new AtomicInteger();

		@Override
		public RoutedRequest deserialize(String topic, byte[] data) {
			reads.incrementAndGet();
			return routed();
		}

	}

	/** A producer whose first sends fail; the template closes it after each send. */
	private static final class FailingFirstProducer extends MockProducer<String, Object> {

		private final AtomicInteger failures = new AtomicInteger();

		FailingFirstProducer() {
			super(true, null, new StringSerializer(), (topic, value) -> new byte[0]);
		}

		void failFirst(int count) {
			this.failures.set(count);
		}

		@Override
		public synchronized Future<RecordMetadata> send(ProducerRecord<String, Object> record, Callback callback) {
			if (record.topic().equals("fleet.results") && this.failures.getAndDecrement() > 0) {
				throw new KafkaException("broker away");
			}
			return super.send(record, callback);
		}

		@Override
		public void close(Duration timeout) {
		}

	}

}
