package io.llmfleet.worker.backend.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackendHttpExceptionTests {

	@Test
	void errorStatusQuotesStatusAndText() {
		BackendHttpException ex = BackendHttpException.httpStatus(404, "model \"x\" not found");

		assertThat(ex).hasMessage("HTTP 404: model \"x\" not found").hasNoCause();
		assertThat(ex.status()).isEqualTo(404);
		assertThat(ex.error()).isEqualTo("model \"x\" not found");
	}

	@Test
	void errorInAStreamHasStatus200UnlessItNamesOne() {
		BackendHttpException plain = BackendHttpException.inStream("unexpected EOF");
		BackendHttpException coded = BackendHttpException.inStream(500, "engine loop has died");

		assertThat(plain).hasMessage("error in the middle of the stream: unexpected EOF");
		assertThat(plain.status()).isEqualTo(200);
		assertThat(plain.error()).isEqualTo("unexpected EOF");
		assertThat(coded).hasMessage("error in the middle of the stream: engine loop has died");
		assertThat(coded.status()).isEqualTo(500);
	}

	@Test
	void timeoutIsCausedByAnHttpTimeoutNamingTheTime() {
		BackendHttpException ex = BackendHttpException.timedOut(Duration.ofMillis(300));

		assertThat(ex).hasMessage("no complete answer within 300 ms").hasCauseInstanceOf(HttpTimeoutException.class);
		assertThat(ex.status()).isZero();
		assertThat(ex.error()).isNull();
	}

	@Test
	void transportFailureSaysWhatHappenedEvenWithoutAMessage() {
		assertThat(BackendHttpException.transport(new ConnectException()))
			.hasMessage("connection refused (ConnectException)");
		assertThat(BackendHttpException.transport(new IOException())).hasMessage("connection closed (IOException)");
		assertThat(BackendHttpException.transport(new IOException("Connection reset")))
			.hasMessage("Connection reset (IOException)");
		assertThat(BackendHttpException.transport(new IllegalStateException())).hasMessage("IllegalStateException");
		assertThat(BackendHttpException.transport(new ConnectException()).status()).isZero();
	}

	@Test
	void expectedFailureCarriesNoStackTrace() {
		assertThat(BackendHttpException.httpStatus(500, "boom").getStackTrace()).isEmpty();
	}

}
