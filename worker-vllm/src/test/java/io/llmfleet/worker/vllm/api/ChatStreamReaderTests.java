package io.llmfleet.worker.vllm.api;

import io.llmfleet.worker.backend.http.BackendHttpException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatStreamReaderTests {

	@Test
	void eventsAddUpToTheAnswerWithUsageAndTimeToFirstToken() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(data(delta("{\"role\":\"assistant\",\"content\":\"\"}", null)));
		reader.onLine("");
		reader.onLine(data(delta("{\"content\":\"The\"}", null)));
		reader.onLine(": keep-alive comment");
		reader.onLine(data(delta("{\"content\":\" sky.\"}", null)));
		reader.onLine(data(delta("{}", "\"length\"")));
		reader.onLine(data("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
				+ "\"usage\":{\"prompt_tokens\":12,\"total_tokens\":14,\"completion_tokens\":2}}"));
		reader.onLine("data: [DONE]");

		VllmChat.Answer answer = reader.result();

		assertThat(answer.content()).isEqualTo("The sky.");
		assertThat(answer.promptTokens()).isEqualTo(12);
		assertThat(answer.completionTokens()).isEqualTo(2);
		assertThat(answer.finishReason()).isEqualTo("length");
		assertThat(answer.timeToFirstToken()).isNotNull().isPositive();
	}

	@Test
	void errorEventFailsTheAnswerWithItsMessageAndCode() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(data(delta("{\"content\":\"Half\"}", null)));
		reader.onLine(data("{\"error\":{\"object\":\"error\",\"message\":\"CUDA out of memory\","
				+ "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}"));

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(reader::result).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(500);
			assertThat(ex.error()).isEqualTo("CUDA out of memory");
		});
	}

	@Test
	void streamWithoutDoneFails() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine(data(delta("{\"content\":\"Cut\"}", null)));

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(reader::result)
			.withMessageContaining("stream ended before data: [DONE]");
	}

	@Test
	void malformedEventFailsQuotingIt() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onLine("data: <html>oops</html>");

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(reader::result)
			.withMessageContaining("malformed event: <html>oops</html>");
	}

	private static String delta(String delta, String finishReason) {
		return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
				+ "\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}";
	}

	private static String data(String json) {
		return "data: " + json;
	}

}
