package io.llmfleet.worker.vllm.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChatStreamReaderTests {

	@Test
	void eventsAddUpToTheAnswerWithUsageAndTimeToFirstToken() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext(data(delta("{\"role\":\"assistant\",\"content\":\"\"}", null)));
		reader.onNext("");
		reader.onNext(data(delta("{\"content\":\"The\"}", null)));
		reader.onNext(": keep-alive comment");
		reader.onNext(data(delta("{\"content\":\" sky.\"}", null)));
		reader.onNext(data(delta("{}", "\"length\"")));
		reader.onNext(data("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
				+ "\"usage\":{\"prompt_tokens\":12,\"total_tokens\":14,\"completion_tokens\":2}}"));
		reader.onNext("data: [DONE]");

		VllmChat.Answer answer = reader.answer();

		assertThat(answer.content()).isEqualTo("The sky.");
		assertThat(answer.promptTokens()).isEqualTo(12);
		assertThat(answer.completionTokens()).isEqualTo(2);
		assertThat(answer.finishReason()).isEqualTo("length");
		assertThat(answer.timeToFirstToken()).isNotNull().isPositive();
	}

	@Test
	void errorEventFailsTheAnswerWithItsMessageAndCode() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext(data(delta("{\"content\":\"Half\"}", null)));
		reader.onNext(data("{\"error\":{\"object\":\"error\",\"message\":\"CUDA out of memory\","
				+ "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}}"));

		assertThatExceptionOfType(VllmApiException.class).isThrownBy(reader::answer).satisfies((ex) -> {
			assertThat(ex.status()).isEqualTo(500);
			assertThat(ex.error()).isEqualTo("CUDA out of memory");
		});
	}

	@Test
	void streamWithoutDoneFails() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext(data(delta("{\"content\":\"Cut\"}", null)));

		assertThatExceptionOfType(VllmApiException.class).isThrownBy(reader::answer)
			.withMessageContaining("stream ended before data: [DONE]");
	}

	@Test
	void malformedEventFailsQuotingIt() {
		ChatStreamReader reader = new ChatStreamReader(System.nanoTime());
		reader.onNext("data: <html>oops</html>");

		assertThatExceptionOfType(VllmApiException.class).isThrownBy(reader::answer)
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
