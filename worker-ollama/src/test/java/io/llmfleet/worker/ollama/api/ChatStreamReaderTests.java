package io.llmfleet.worker.ollama.api;

import io.llmfleet.worker.backend.http.BackendHttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatStreamReaderTests {

	@Test
	void streamAddsUpToTheAnswerWithUsageAndTimeToFirstToken() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(piece("The"));
		reader.onLine(piece(" sky"));
		reader.onLine("");
		reader.onLine(piece(" scatters."));
		reader.onLine("{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\","
				+ "\"prompt_eval_count\":12,\"eval_count\":3}");

		OllamaChat.Answer answer = reader.result();

		assertThat(answer.content()).isEqualTo("The sky scatters.");
		assertThat(answer.promptEvalCount()).isEqualTo(12);
		assertThat(answer.evalCount()).isEqualTo(3);
		assertThat(answer.doneReason()).isEqualTo("length");
		assertThat(answer.timeToFirstToken()).isNotNull().isPositive();
	}

	@Test
	void finalChunkDurationsInNanosecondsBecomeTheAnswersTimings() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(piece("Hi"));
		reader.onLine("{\"done\":true,\"done_reason\":\"stop\",\"total_duration\":5589157167,"
				+ "\"load_duration\":3000000000,\"prompt_eval_count\":26,\"prompt_eval_duration\":130079000,"
				+ "\"eval_count\":1,\"eval_duration\":4799921000}");

		OllamaChat.Answer answer = reader.result();

		assertThat(answer.loadDuration()).isEqualTo(java.time.Duration.ofSeconds(3));
		assertThat(answer.promptEvalDuration()).isEqualTo(java.time.Duration.ofNanos(130079000));
		assertThat(answer.evalDuration()).isEqualTo(java.time.Duration.ofNanos(4799921000L));
	}

	@Test
	void aLoadOnlyAnswerIsDoneWithReasonLoadAndNoText() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine("{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
				+ "\"done_reason\":\"load\",\"done\":true}");

		OllamaChat.Answer answer = reader.result();

		assertThat(answer.doneReason()).isEqualTo("load");
		assertThat(answer.content()).isEmpty();
		assertThat(answer.loadDuration()).isNull();
	}

	@Test
	void emptyAnswerHasNoTimeToFirstToken() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine("{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"eval_count\":0}");

		assertThat(reader.result().timeToFirstToken()).isNull();
	}

	@Test
	void errorLineFailsTheAnswerWithOllamasText() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(piece("Half"));
		reader.onLine("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}");

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(reader::result).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(200);
			assertThat(ex.error()).isEqualTo("an error was encountered while running the model: unexpected EOF");
		});
	}

	@Test
	void streamWithoutFinalChunkFails() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(piece("Cut"));

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(reader::result)
			.withMessageContaining("stream ended before the final chunk");
	}

	@Test
	void malformedLineFailsQuotingIt() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine("<html>oops</html>");

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(reader::result)
			.withMessageContaining("malformed stream line: <html>oops</html>");
	}

	private static String piece(String text) {
		return "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"" + text
				+ "\"},\"done\":false}";
	}

}
