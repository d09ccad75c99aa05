package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.reply.ResultPublisher;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendOutcome.Completed;
import io.llmfleet.worker.backend.BackendOutcome.Failed;
import io.llmfleet.worker.capacity.GpuProperties;
import io.llmfleet.worker.capacity.InFlightSlots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RoutedRequestHandlerTests {

	private static final FleetTopics TOPICS = new FleetTopics("fleet.", 3, 6, (short) 1);

	private static final Model MODEL = new Model("m1", "scripted", "m1:7b", "small", 8192, DataSize.ofGigabytes(4));

	// the template closes its producer after each send; this one keeps its history
	private final MockProducer<String, Object> producer = new MockProducer<>(true, null, new StringSerializer(),
			(topic, value) -> new byte[0]) {

		@Override
		public void close(Duration timeout) {
		}

	};

	private final ScriptedBackend backend = new ScriptedBackend();

	private final InFlightSlots slots = new InFlightSlots(List.of("m1"), 2);

	private final KafkaTemplate<String, Object> template = new KafkaTemplate<>(
			new MockProducerFactory<>(() -> this.producer));

	private final RoutedRequestHandler handler = new RoutedRequestHandler(this.backend,
			new ServedModels(List.of(MODEL)), properties(), new ResultPublisher(this.template, TOPICS), this.slots,
			new AttemptOutcomes(this.template, TOPICS.outcomes(), "w1"));

	@Test
	void aClientThatFailsTwiceThenSucceedsIsAnsweredOnce() {
		this.backend.script(transientFailure(), transientFailure(), completed());

		this.handler.handle(record(routed(null)));

		assertThat(this.backend.calls).hasValue(3);
		assertThat(sent("fleet.results")).singleElement().satisfies((sent) -> {
			assertThat(sent.topic()).isEqualTo("fleet.results");
			InferenceResult result = (InferenceResult) sent.value();
			assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(result.getOutput()).isEqualTo("answer");
			assertThat(result.getWorkerId()).isEqualTo("w1");
			assertThat(result.getUsage().getCompletionTokens()).isEqualTo(5);
			assertThat(result.getTimings().getTimeToFirstTokenMs()).isEqualTo(12L);
			assertThat(result.getTimings().getQueueMs()).isNotNull();
		});
	}

	@Test
	void transientFailuresBeyondTheRetriesBecomeOneDeadLetter() {
		this.backend.script(transientFailure(), transientFailure(), transientFailure(), completed());

		this.handler.handle(record(routed(null)));

		assertThat(this.backend.calls).hasValue(3);
		assertThat(sent("fleet.dead-letter")).singleElement().satisfies((sent) -> {
			assertThat(sent.topic()).isEqualTo("fleet.dead-letter");
			DeadLetter letter = (DeadLetter) sent.value();
			assertThat(letter.getErrorKind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(letter.getSourceTopic()).isEqualTo("fleet.model.m1");
			assertThat(letter.getSourceOffset()).isEqualTo(42L);
			assertThat(letter.getRouted().getModelId()).isEqualTo("m1");
		});
	}

	@Test
	void aCapacityFailureIsDeadLetteredWithoutRetry() {
		this.backend.script(new Failed(ErrorKind.CAPACITY, "out of memory"), completed());

		this.handler.handle(record(routed(null)));

		assertThat(this.backend.calls).hasValue(1);
		assertThat(sent("fleet.dead-letter")).singleElement()
			.extracting((sent) -> ((DeadLetter) sent.value()).getErrorKind())
			.isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void anExpiredRequestGetsAnExpiredResultWithoutReachingTheBackend() {
		this.handler.handle(record(routed(Instant.now().minusSeconds(1))));

		assertThat(this.backend.calls).hasValue(0);
		assertThat(sent("fleet.results")).singleElement()
			.extracting((sent) -> ((InferenceResult) sent.value()).getStatus())
			.isEqualTo(ResultStatus.EXPIRED);
	}

	@Test
	void aModelThisWorkerDoesNotServeIsDeadLetteredAsPermanent() {
		RoutedRequest routed = routed(null);
		routed.setModelId("other");

		this.handler.handle(record(routed));

		assertThat(this.backend.calls).hasValue(0);
		assertThat(sent("fleet.dead-letter")).singleElement()
			.extracting(ProducerRecord::value)
			.satisfies((value) -> assertThat(((DeadLetter) value).getReason()).contains("does not serve model other"));
	}

	@Test
	void theBackendCallCarriesTheBackendsModelNameAndTheDeadlineAsTimeout() {
		this.backend.script(completed());

		this.handler.handle(record(routed(Instant.now().plusSeconds(5))));

		assertThat(this.backend.lastCall.backendModel()).isEqualTo("m1:7b");
		assertThat(this.backend.lastCall.timeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void theBackendCallCarriesTheCataloguesContextLength() {
		this.backend.script(completed());

		this.handler.handle(record(routed(null)));

		assertThat(this.backend.lastCall.contextLength()).isEqualTo(8192);
	}

	@Test
	void aCallInterruptedByAStoppingWorkerWritesNothingAndIsAbandoned() {
		Backend aborted = new Backend() {

			@Override
			public String kind() {
				return "scripted";
			}

			@Override
			public BackendOutcome chat(BackendCall call) {
				// what an HTTP backend does when its thread is interrupted mid-call
				Thread.currentThread().interrupt();
				return transientFailure();
			}

		};
		RoutedRequestHandler handler = new RoutedRequestHandler(aborted, new ServedModels(List.of(MODEL)), properties(),
				new ResultPublisher(this.template, TOPICS), this.slots,
				new AttemptOutcomes(this.template, TOPICS.outcomes(), "w1"));
		try {
			assertThatExceptionOfType(CallAbandonedException.class)
				.isThrownBy(() -> handler.handle(record(routed(null))))
				.withMessageContaining("r-1")
				.withMessageContaining("another worker");

			assertThat(this.producer.history()).isEmpty();
			assertThat(this.slots.inFlight("m1")).isZero();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void anAnsweredAttemptLeavesAnOkOutcomeAfterItsResultWithTimingsAndTokens() {
		this.backend.script(completed());

		this.handler.handle(record(routed(null)));

		assertThat(this.producer.history()).extracting(ProducerRecord::topic)
			.containsExactly("fleet.results", "fleet.outcomes");
		RoutingOutcome outcome = outcome();
		assertThat(outcome.getRequestId()).isEqualTo("r-1");
		assertThat(outcome.getStatus()).isEqualTo(ResultStatus.OK);
		assertThat(outcome.getErrorKind()).isNull();
		assertThat(outcome.getModelId()).isEqualTo("m1");
		assertThat(outcome.getWorkerId()).isEqualTo("w1");
		assertThat(outcome.getTier()).isEqualTo("small");
		assertThat(outcome.getConfidence()).isEqualTo(0.8);
		assertThat(outcome.getAttempt()).isEqualTo(2);
		assertThat(outcome.getPromptTokens()).isEqualTo(7);
		assertThat(outcome.getCompletionTokens()).isEqualTo(5);
		assertThat(outcome.getQueueMs()).isNotNull().isGreaterThanOrEqualTo(5L);
		assertThat(outcome.getBackendMs()).isNotNull();
		assertThat(outcome.getTotalMs()).isGreaterThanOrEqualTo(outcome.getQueueMs());
	}

	@Test
	void aDeadLetteredAttemptLeavesAFailedOutcomeWithItsErrorKind() {
		this.backend.script(new Failed(ErrorKind.TIMEOUT, "too slow"));

		this.handler.handle(record(routed(null)));

		assertThat(this.producer.history()).extracting(ProducerRecord::topic)
			.containsExactly("fleet.dead-letter", "fleet.outcomes");
		assertThat(outcome().getStatus()).isEqualTo(ResultStatus.FAILED);
		assertThat(outcome().getErrorKind()).isEqualTo(ErrorKind.TIMEOUT);
		assertThat(outcome().getBackendMs()).isNotNull();
	}

	@Test
	void anExpiredAttemptLeavesAnExpiredOutcomeWithoutBackendTime() {
		this.handler.handle(record(routed(Instant.now().minusSeconds(1))));

		assertThat(outcome().getStatus()).isEqualTo(ResultStatus.EXPIRED);
		assertThat(outcome().getErrorKind()).isEqualTo(ErrorKind.EXPIRED);
		assertThat(outcome().getBackendMs()).isNull();
	}

	@Test
	void anAttemptForAModelNotServedLeavesAPermanentFailedOutcome() {
		RoutedRequest routed = routed(null);
		routed.setModelId("other");

		this.handler.handle(record(routed));

		assertThat(outcome().getStatus()).isEqualTo(ResultStatus.FAILED);
		assertThat(outcome().getErrorKind()).isEqualTo(ErrorKind.PERMANENT);
		assertThat(outcome().getModelId()).isEqualTo("other");
	}

	@Test
	void theResultOfAFallbackCarriesTheEarlierAttempts() {
		this.backend.script(completed());
		RoutedRequest routed = routed(null);
		Attempt earlier = Attempt.newBuilder()
			.setModelId("big")
			.setTier("large")
			.setWorkerId("w9")
			.setErrorKind(ErrorKind.CAPACITY)
			.setReason("out of memory")
			.build();
		routed.setHistory(List.of(earlier));

		this.handler.handle(record(routed));

		assertThat(sent("fleet.results")).singleElement()
			.satisfies((sent) -> assertThat(((InferenceResult) sent.value()).getHistory()).containsExactly(earlier));
	}

	@Test
	void theBackendCallHoldsASlotOfItsModelUntilItEnds() {
		AtomicInteger inFlightDuringCall = new AtomicInteger(-1);
		Backend watching = new Backend() {

			@Override
			public String kind() {
				return "scripted";
			}

			@Override
			public BackendOutcome chat(BackendCall call) {
				inFlightDuringCall.set(RoutedRequestHandlerTests.this.slots.inFlight("m1"));
				return completed();
			}

		};
		RoutedRequestHandler handler = new RoutedRequestHandler(watching, new ServedModels(List.of(MODEL)),
				properties(), new ResultPublisher(this.template, TOPICS), this.slots,
				new AttemptOutcomes(this.template, TOPICS.outcomes(), "w1"));

		handler.handle(record(routed(null)));

		assertThat(inFlightDuringCall).hasValue(1);
		assertThat(this.slots.inFlight("m1")).isZero();
	}

	private List<ProducerRecord<String, Object>> sent(String topic) {
		return this.producer.history().stream().filter((sent) -> sent.topic().equals(topic)).toList();
	}

	private RoutingOutcome outcome() {
		assertThat(sent("fleet.outcomes")).hasSize(1);
		return (RoutingOutcome) sent("fleet.outcomes").get(0).value();
	}

	private static WorkerProperties properties() {
		return new WorkerProperties("w1", "scripted", List.of(), 2, Duration.ofSeconds(30), 2, Duration.ofMillis(1),
				Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(30), false,
				GpuProperties.defaults());
	}

	private static BackendOutcome transientFailure() {
		return new Failed(ErrorKind.TRANSIENT, "connection refused");
	}

	private static BackendOutcome completed() {
		return new Completed("answer", 7, 5, 12L, "stop");
	}

	private static ConsumerRecord<String, RoutedRequest> record(RoutedRequest routed) {
		return new ConsumerRecord<>("fleet.model.m1", 0, 42L, routed.getRequest().getRequestId(), routed);
	}

	private static RoutedRequest routed(Instant deadline) {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("r-1")
			.setMessages(List.of(new ChatMessage("user", "hi")))
			.setCreatedAt(Instant.now().minusMillis(20))
			.setDeadlineAt(deadline)
			.build();
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(
					Classification.newBuilder().setTier("small").setConfidence(0.8).setClassifier("test@1").build())
			.setModelId("m1")
			.setTier("small")
			.setAttempt(2)
			.setClassifiedAt(Instant.now().minusMillis(10))
			.setRoutedAt(Instant.now().minusMillis(5))
			.build();
	}

	/** A backend that answers with scripted outcomes, in order. */
	static final class ScriptedBackend implements Backend {

		private final Deque<BackendOutcome> outcomes = new ArrayDeque<>();

		final AtomicInteger calls = new AtomicInteger();

		volatile BackendCall lastCall;

		void script(BackendOutcome... scripted) {
			this.outcomes.addAll(List.of(scripted));
		}

		@Override
		public String kind() {
			return "scripted";
		}

		@Override
		public BackendOutcome chat(BackendCall call) {
			this.calls.incrementAndGet();
			this.lastCall = call;
			return this.outcomes.removeFirst();
		}

	}

}
