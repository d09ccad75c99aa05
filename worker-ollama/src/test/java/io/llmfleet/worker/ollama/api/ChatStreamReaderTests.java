package io.llmfleet.worker.ollama.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatStreamReaderTests {

	@Test
	void streamAddsUpToTheAnswerWithUsageAndTimeToFirstToken() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext(piece("The"));
		reader.onNext(piece(" sky"));
		reader.onNext("");
		reader.onNext(piece(" scatters."));
		reader.onNext("{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"done_reason\":\"length\","
				+ "\"prompt_eval_count\":12,\"eval_count\":3}");

		OllamaChat.Answer answer = reader.answer();

		assertThat(answer.content()).isEqualTo("The sky scatters.");
		assertThat(answer.promptEvalCount()).isEqualTo(12);
		assertThat(answer.evalCount()).isEqualTo(3);
		assertThat(answer.doneReason()).isEqualTo("length");
		assertThat(answer.timeToFirstToken()).isNotNull().isPositive();
	}

	@Test
	void emptyAnswerHasNoTimeToFirstToken() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext("{\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,\"eval_count\":0}");

		assertThat(reader.answer().timeToFirstToken()).isNull();
	}

	@Test
	void errorLineFailsTheAnswerWithOllamasText() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext(piece("Half"));
		reader.onNext("{\"error\":\"an error was encountered while running the model: unexpected EOF\"}");

		assertThatExceptionOfType(OllamaApiException.class).isThrownBy(reader::answer).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(200);
			assertThat(ex.error()).isEqualTo("an error was encountered while running the model: unexpected EOF");
		});
	}

	@Test
	void streamWithoutFinalChunkFails() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext(piece("Cut"));

		assertThatExceptionOfType(OllamaApiException.class).isThrownBy(reader::answer)
			.withMessageContaining("stream ended before the final chunk");
	}

	@Test
	void malformedLineFailsQuotingIt() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext("<html>oops</html>");

		assertThatExceptionOfType(OllamaApiException.class).isThrownBy(reader::answer)
			.withMessageContaining("malformed stream line: <html>oops</html>");
	}

	private static String piece(String text) {
		return "{\"model\":\"llama3.2:3b\",\"message\":{\"role\":\"assistant\",\"content\":\"" + text
				+ "\"},\"done\":false}";
	}

}
