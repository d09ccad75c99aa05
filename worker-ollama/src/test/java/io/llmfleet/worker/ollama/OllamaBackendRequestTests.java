package io.llmfleet.worker.ollama;

import java.time.Duration;
import java.util.List;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.ollama.api.OllamaChat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaBackendRequestTests {

	private static final List<ChatMessage> MESSAGES = List.of(new ChatMessage("system", "Be brief."),
			new ChatMessage("user", "Why is the sky blue?"));

	@Test
	void generationOptionsBecomeOllamaOptions() {
		GenerationOptions options = GenerationOptions.newBuilder()
			.setMaxTokens(64)
			.setTemperature(0.2f)
			.setTopP(0.9f)
			.setStop(List.of("\n\n", "END"))
			.setSeed(42L)
			.build();

		OllamaChat.Request request = OllamaBackend.toRequest(call(options), "5m");

		assertThat(request.model()).isEqualTo("llama3.2:3b");
		assertThat(request.stream()).isTrue();
		assertThat(request.keepAlive()).isEqualTo("5m");
		assertThat(request.messages()).containsExactly(new OllamaChat.Message("system", "Be brief."),
				new OllamaChat.Message("user", "Why is the sky blue?"));
		assertThat(request.options()).isEqualTo(new OllamaChat.Options(64, 0.2f, 0.9f, List.of("\n\n", "END"), 42L));
	}

	@Test
	void absentOptionsAreLeftToTheModelDefaults() {
		assertThat(OllamaBackend.toRequest(call(null), "5m").options()).isNull();
		assertThat(OllamaBackend.toRequest(call(GenerationOptions.newBuilder().build()), "5m").options()).isNull();
	}

	@Test
	void bareSecondsOfKeepAliveAreSentAsANumber() {
		OllamaProperties properties = new OllamaProperties(java.net.URI.create("http://127.0.0.1:11434"),
				Duration.ofSeconds(2), "-1");

		assertThat(properties.keepAliveValue()).isEqualTo(-1L);
	}

	private static BackendCall call(GenerationOptions options) {
		return new BackendCall("req-1", "llama3.2-3b", "llama3.2:3b", MESSAGES, options, Duration.ofSeconds(30));
	}

}
