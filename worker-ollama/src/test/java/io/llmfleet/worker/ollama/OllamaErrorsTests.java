package io.llmfleet.worker.ollama;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import io.llmfleet.schemas.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaErrorsTests {

	@ParameterizedTest(name = "HTTP {0} is {1}")
	@CsvSource({ "429, CAPACITY", "503, CAPACITY", "408, TIMEOUT", "504, TIMEOUT", "400, PERMANENT", "401, PERMANENT",
			"405, PERMANENT", "500, TRANSIENT", "502, TRANSIENT" })
	void statusCodesMapToKinds(int status, ErrorKind kind) {
		assertThat(OllamaErrors.classify(status, "something went wrong", null)).isEqualTo(kind);
	}

	@Test
	void modelNotFoundIsPermanent() {
		assertThat(OllamaErrors.classify(404, "model \"llama9:70b\" not found, try pulling it first", null))
			.isEqualTo(ErrorKind.PERMANENT);
	}

	@Test
	void serverErrorAboutMemoryIsCapacity() {
		assertThat(OllamaErrors.classify(500,
				"model requires more system memory (12.4 GiB) than is available (7.9 GiB)", null))
			.isEqualTo(ErrorKind.CAPACITY);
		assertThat(OllamaErrors.classify(500, "llama runner process has terminated: CUDA error: out of memory", null))
			.isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void ollamasOwnLoadTimeoutIsTimeout() {
		assertThat(OllamaErrors.classify(500, "timed out waiting for llama runner to start - progress 0.00", null))
			.isEqualTo(ErrorKind.TIMEOUT);
	}

	@Test
	void errorLineInTheMiddleOfAStreamIsTransientUnlessAboutMemory() {
		assertThat(OllamaErrors.classify(200, "an error was encountered while running the model: unexpected EOF", null))
			.isEqualTo(ErrorKind.TRANSIENT);
		assertThat(OllamaErrors.classify(200, "cudaMalloc failed: out of memory", null)).isEqualTo(ErrorKind.CAPACITY);
	}

	@Test
	void refusedOrResetConnectionIsTransient() {
		assertThat(OllamaErrors.classify(0, null, new ConnectException())).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(OllamaErrors.classify(0, null, new IOException("Connection reset"))).isEqualTo(ErrorKind.TRANSIENT);
		assertThat(OllamaErrors.classify(0, null, new HttpConnectTimeoutException("HTTP connect timed out")))
			.isEqualTo(ErrorKind.TRANSIENT);
	}

	@Test
	void readTimeoutIsTimeout() {
		assertThat(OllamaErrors.classify(0, null, new HttpTimeoutException("request timed out")))
			.isEqualTo(ErrorKind.TIMEOUT);
	}

}
