package io.llmfleet.worker.vllm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import io.llmfleet.schemas.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VllmErrorsTests {

	@ParameterizedTest(name = "HTTP {0} is {1}")
	@CsvSource({ "429, CAPACITY", "503, CAPACITY", "408, TIMEOUT", "504, TIMEOUT", "400, PERMANENT", "401, PERMANENT",
			"422, PERMANENT", "500, TRANSIENT", "502, TRANSIENT" })
	void statusCodesMapToKinds(int status, ErrorKind kind) {
		assertThat(VllmErrors.classify(status, "something went wrong", null)).isEqualTo(kind);
	}

	@Test
	void unknownModelIsPermanent() {
		assertThat(VllmErrors.classify(404, "The model `gpt-9` does not exist.", null)).isEqualTo(ErrorKind.PERMANENT);
	}

	@Test
	void promptBeyondTheContextWindowIsContextLength() {
		assertThat(VllmErrors.classify(400, "This model's maximum context length is 8192 tokens. However, you "
				+ "requested 9000 tokens (8000 in the messages, 1000 in the completion). Please reduce the length of "
				+ "the messages or completion.", null))
			.isEqualTo(ErrorKind.CONTEXT_LENGTH);
		assertThat(VllmErrors.classify(400, "'max_tokens' or 'max_completion_tokens' is too large: 8000. This model's "
				+ "maximum context length is 4096 tokens and your request has 2778 input tokens (8000 > 4096 - 2778).",
				null))
			.isEqualTo(ErrorKind.CONTEXT_LENGTH);
	}

	@Test
	void errorEventInTheMiddleOfAStreamIsClassifiedByItsText() {
		assertThat(VllmErrors.classify(200, "engine loop has died", null)).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(VllmErrors.classify(500, "CUDA out of memory. Tried to allocate 2.00 GiB", null))
			.isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void aDeadEngineIsCapacityWhetherItsServerAnswersABare500OrSaysSoInAStream() {
		assertThat(VllmErrors.classify(500, "(empty body)", null)).isEqualTo(ErrorKind.CAPACITY);
		assertThat(VllmErrors.classify(500, "", null)).isEqualTo(ErrorKind.CAPACITY);
		assertThat(VllmErrors.classify(500,
				"EngineCore encountered an issue. See stack trace (above) for the root cause.", null))
			.isEqualTo(ErrorKind.CAPACITY);
		assertThat(VllmErrors.classify(500, "Internal server error", null)).isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void refusedOrResetConnectionIsTransient() {
		assertThat(VllmErrors.classify(0, null, new ConnectException())).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(VllmErrors.classify(0, null, new IOException("Connection reset"))).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(VllmErrors.classify(0, null, new HttpConnectTimeoutException("HTTP connect timed out")))
			.isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void readTimeoutIsTimeout() {
		assertThat(VllmErrors.classify(0, null, new HttpTimeoutException("request timed out")))
			.isEqualTo(ErrorKind.TIMEOUT);
	}

}
