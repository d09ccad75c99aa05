package io.llmfleet.worker.vllm;

import java.time.Duration;
import java.util.List;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.vllm.api.VllmChat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VllmBackendRequestTests {

	private static final List<ChatMessage> MESSAGES = List.of(new ChatMessage("system", "Be brief."),
			new ChatMessage("user", "Why is the sky blue?"));

	@Test
	void generationOptionsKeepTheirOpenAiNames() {
		GenerationOptions options = GenerationOptions.newBuilder()
			.setMaxTokens(64)
			.setTemperature(0.2f)
			.setTopP(0.9f)
			.setStop(List.of("\n\n", "END"))
			.setSeed(42L)
			.build();

		VllmChat.Request request = VllmBackend.toRequest(call(options));

		assertThat(request.model()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
		assertThat(request.stream()).isTrue();
		assertThat(request.streamOptions().includeUsage()).isTrue();
		assertThat(request.messages()).containsExactly(new VllmChat.Message("system", "Be brief."),
				new VllmChat.Message("user", "Why is the sky blue?"));
		assertThat(request.maxTokens()).isEqualTo(64);
		assertThat(request.temperature()).isEqualTo(0.2f);
		assertThat(request.topP()).isEqualTo(0.9f);
		assertThat(request.stop()).containsExactly("\n\n", "END");
		assertThat(request.seed()).isEqualTo(42L);
	}

	@Test
	void absentOptionsAreLeftToTheModelDefaults() {
		VllmChat.Request request = VllmBackend.toRequest(call(null));
		VllmChat.Request empty = VllmBackend.toRequest(call(GenerationOptions.newBuilder().build()));

		for (VllmChat.Request each : List.of(request, empty)) {
			assertThat(each.maxTokens()).isNull();
			assertThat(each.temperature()).isNull();
			assertThat(each.topP()).isNull();
			assertThat(each.stop()).isNull();
			assertThat(each.seed()).isNull();
		}
	}

	private static BackendCall call(GenerationOptions options) {
		return new BackendCall("req-1", "llama3.1-8b", "meta-llama/Llama-3.1-8B-Instruct", MESSAGES, options,
				Duration.ofSeconds(30));
	}

}
