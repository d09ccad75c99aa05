package io.llmfleet.worker.vllm.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VllmChatTests {

	@Test
	void requestIsWrittenInOpenAiFieldNamesLeavingOutUnsetOptions() {
		VllmChat.Request request = new VllmChat.Request("m", List.of(new VllmChat.Message("user", "Hi")), true,
				new VllmChat.StreamOptions(true), 16, null, 0.5f, null, 7L);

		String json = VllmChat.MAPPER.writeValueAsString(request);

		assertThat(json).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
				+ "\"stream\":true,\"stream_options\":{\"include_usage\":true},\"max_tokens\":16,\"top_p\":0.5,"
				+ "\"seed\":7}");
	}

	@Test
	void errorMessagesAreReadFromEveryShapeVllmWrites() {
		assertThat(ErrorBodies.message("{\"object\":\"error\",\"message\":\"The model `x` does not exist.\","
				+ "\"type\":\"NotFoundError\",\"param\":null,\"code\":404}"))
			.isEqualTo("The model `x` does not exist.");
		assertThat(
				ErrorBodies.message("{\"error\":{\"message\":\"too long\",\"type\":\"BadRequestError\",\"code\":400}}"))
			.isEqualTo("too long");
		assertThat(ErrorBodies.message("{\"detail\":\"Not Found\"}")).isEqualTo("Not Found");
		assertThat(ErrorBodies.message("Internal Server Error")).isEqualTo("Internal Server Error");
		assertThat(ErrorBodies.message("")).isEqualTo("(empty body)");
	}

}
