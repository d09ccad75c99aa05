package io.llmfleet.worker.backend.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import io.llmfleet.schemas.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HttpFailuresTests {

	@ParameterizedTest(name = "HTTP {0} is {1}")
	@CsvSource({ "429, CAPACITY", "503, CAPACITY", "408, TIMEOUT", "504, TIMEOUT", "400, PERMANENT", "401, PERMANENT",
			"404, PERMANENT", "405, PERMANENT", "422, PERMANENT", "500, TRANSIENT", "502, TRANSIENT" })
	void statusCodesMapToKinds(int status, ErrorKind kind) {
		assertThat(HttpFailures.classify(status, null)).isEqualTo(kind);
	}

	@Test
	void errorInTheMiddleOfAStreamIsTransient() {
		assertThat(HttpFailures.classify(200, null)).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void refusedOrResetConnectionIsTransient() {
		assertThat(HttpFailures.classify(0, new ConnectException())).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(HttpFailures.classify(0, new IOException("Connection reset"))).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(HttpFailures.classify(0, new HttpConnectTimeoutException("HTTP connect timed out")))
			.isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void noResponseWithoutCauseIsTransient() {
		assertThat(HttpFailures.classify(0, null)).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void readTimeoutIsTimeout() {
		assertThat(HttpFailures.classify(0, new HttpTimeoutException("request timed out")))
			.isEqualTo(ErrorKind.TIMEOUT);
	}

	@Test
	void transportFailureOutranksTheStatus() {
		assertThat(HttpFailures.classify(503, new IOException("Connection reset"))).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void onlyAStatusWithoutTransportFailureIsAnAnswer() {
		assertThat(HttpFailures.backendAnswered(500, null)).isTrue();
		assertThat(HttpFailures.backendAnswered(200, null)).isTrue();
		assertThat(HttpFailures.backendAnswered(0, null)).isFalse();
		assertThat(HttpFailures.backendAnswered(0, new ConnectException())).isFalse();
	}

}
