package io.llmfleet.worker.backend.http;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.backend.BackendUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HttpCallsTests {

	private static final BackendOutcome.Completed COMPLETED = new BackendOutcome.Completed("Blue.", 12, 2, 40L, "stop");

	@Test
	void callWithNoTimeLeftFailsAsTimeoutWithoutReachingTheBackend() {
		for (Duration none : List.of(Duration.ZERO, Duration.ofMillis(-1))) {
			BackendOutcome outcome = HttpCalls.chat("ollama", call(none), (call, timeout) -> {
				throw new AssertionError("the backend must not be called");
			}, (status, error, cause) -> ErrorKind.PERMANENT);

			assertThat(outcome).isEqualTo(new BackendOutcome.Failed(ErrorKind.TIMEOUT,
					"ollama model llama3.2:3b (llama3.2-3b) failed request req-1: no time left for the call"));
		}
	}

	@Test
	void callGetsItsOwnTimeoutOrTheDefault() {
		AtomicReference<Duration> given = new AtomicReference<>();
		HttpCalls.Exchange exchange = (call, timeout) -> {
			given.set(timeout);
			return COMPLETED;
		};

		assertThat(HttpCalls.chat("vllm", call(Duration.ofSeconds(3)), exchange, null)).isEqualTo(COMPLETED);
		assertThat(given.get()).isEqualTo(Duration.ofSeconds(3));
		assertThat(HttpCalls.chat("vllm", call(null), exchange, null)).isEqualTo(COMPLETED);
		assertThat(given.get()).isEqualTo(HttpCalls.DEFAULT_TIMEOUT).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void failedExchangeIsClassifiedByTheBackendAndNamesModelAndRequest() {
		AtomicReference<String> seen = new AtomicReference<>();
		BackendOutcome outcome = HttpCalls.chat("vllm", call(Duration.ofSeconds(3)), (call, timeout) -> {
			throw BackendHttpException.httpStatus(400, "maximum context length is 8192 tokens");
		}, (status, error, cause) -> {
			seen.set(status + " " + error + " " + cause);
			return ErrorKind.CONTEXT_LENGTH;
		});

		assertThat(seen.get()).isEqualTo("400 maximum context length is 8192 tokens null");
		assertThat(outcome).isEqualTo(new BackendOutcome.Failed(ErrorKind.CONTEXT_LENGTH,
				"vllm model llama3.2:3b (llama3.2-3b) failed request req-1: HTTP 400: maximum context length is 8192 tokens"));
	}

	@Test
	void transportFailureReachesTheClassifierAsCause() {
		ConnectException refused = new ConnectException();
		AtomicReference<Throwable> seen = new AtomicReference<>();
		BackendOutcome outcome = HttpCalls.chat("ollama", call(Duration.ofSeconds(3)), (call, timeout) -> {
			throw BackendHttpException.transport(refused);
		}, (status, error, cause) -> {
			seen.set(cause);
			return HttpFailures.classify(status, cause);
		});

		assertThat(seen.get()).isSameAs(refused);
		assertThat(outcome).isInstanceOfSatisfying(BackendOutcome.Failed.class, (failed) -> {
			assertThat(failed.kind()).isEqualTo(ErrorKind.TRANSIENT);
			assertThat(failed.message()).endsWith("failed request req-1: connection refused (ConnectException)");
		});
	}

	@Test
	void answeringProbePassesTheStartUpCheck() {
		AtomicReference<Boolean> probed = new AtomicReference<>(false);

		HttpCalls.checkReachable("ollama", URI.create("http://127.0.0.1:11434"), () -> probed.set(true));

		assertThat(probed.get()).isTrue();
	}

	@Test
	void failingProbeFailsTheStartUpCheckNamingBackendAndUrl() {
		assertThatExceptionOfType(BackendUnavailableException.class)
			.isThrownBy(() -> HttpCalls.checkReachable("vllm", URI.create("http://gpu-3:8000"), () -> {
				throw BackendHttpException.transport(new ConnectException());
			}))
			.withMessage("vllm backend at http://gpu-3:8000 is not reachable: connection refused (ConnectException)")
			.withCauseInstanceOf(BackendHttpException.class);
	}

	@Test
	void aStatusThatCannotBeFetchedBecomesAFailedStatusNamingBackendAndUrl() {
		BackendStatus status = HttpCalls.status("ollama", URI.create("http://127.0.0.1:1"), () -> {
			throw BackendHttpException.transport(new ConnectException());
		});

		assertThat(status.loaded()).isNull();
		assertThat(status.error()).startsWith("ollama status at http://127.0.0.1:1 failed: ")
			.contains("ConnectException");
	}

	@Test
	void aStatusThatDoesNotParseBecomesAFailedStatusInsteadOfThrowing() {
		BackendStatus status = HttpCalls.status("vllm", URI.create("http://127.0.0.1:8000"), () -> {
			throw new IllegalArgumentException("unexpected token '<'");
		});

		assertThat(status.error()).isEqualTo(
				"vllm status at http://127.0.0.1:8000 is unreadable: java.lang.IllegalArgumentException: unexpected token '<'");
	}

	@Test
	void aStatusThatIsReadIsPassedOn() {
		BackendStatus read = new BackendStatus(List.of(), 0, 1, 2, 0.5, null);

		assertThat(HttpCalls.status("vllm", URI.create("http://127.0.0.1:8000"), () -> read)).isSameAs(read);
	}

	private static BackendCall call(Duration timeout) {
		return new BackendCall("req-1", "llama3.2-3b", "llama3.2:3b", List.of(new ChatMessage("user", "Hi")), null,
				timeout);
	}

}
