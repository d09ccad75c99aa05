package io.llmfleet.core.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The shared error handler recovers poison at once and retries anything else first, with
 * hand-built records and no broker.
 */
class FleetErrorHandlerTests {

	private final List<Exception> recovered = new ArrayList<>();

	private final DefaultErrorHandler handler = new FleetKafkaAutoConfiguration()
		.fleetErrorHandler(new FleetRecordRecoverer(null, "test", null, "fleet.dead-letter", 1024) {
			@Override
			public void accept(ConsumerRecord<?, ?> record, Exception exception) {
				FleetErrorHandlerTests.this.recovered.add(exception);
			}
		});

	private final Consumer<?, ?> consumer = mock(Consumer.class);

	private final MessageListenerContainer container = mock(MessageListenerContainer.class);

	@Test
	void aRecordOfTheWrongTypeIsRecoveredAtOnceWithoutRetries() {
		fail(new ClassCastException("RoutedRequest cannot be cast to InferenceRequest"));

		assertThat(this.recovered).hasSize(1);
	}

	@Test
	void anUndecodableRecordIsRecoveredAtOnceWithoutRetries() {
		fail(new DeserializationException("failed to deserialize", new byte[] { 1 }, false, null));

		assertThat(this.recovered).hasSize(1);
	}

	@Test
	void anyOtherFailureIsRetriedBeforeItIsRecovered() {
		given(this.container.isRunning()).willReturn(true);

		assertThatThrownBy(() -> fail(new IllegalStateException("backend hiccup")))
			.hasMessageContaining("in retry and not yet recovered");
		assertThat(this.recovered).isEmpty();
	}

	private void fail(Exception cause) {
		ConsumerRecord<?, ?> record = new ConsumerRecord<>("fleet.requests", 0, 3, "k", null);
		this.handler.handleRemaining(new ListenerExecutionFailedException("Listener failed", cause), List.of(record),
				this.consumer, this.container);
	}

}
