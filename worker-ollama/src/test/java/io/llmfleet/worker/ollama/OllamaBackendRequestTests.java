package io.llmfleet.worker.ollama;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.http.StreamLimits;
import io.llmfleet.worker.ollama.api.OllamaChat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaBackendRequestTests {

	private static final OllamaProperties PROPERTIES = new OllamaProperties(URI.create("http://127.0.0.1:11434"),
			Duration.ofSeconds(2), "5m");

	private static final List<ChatMessage> MESSAGES = List.of(new ChatMessage("system", "Be brief."),
			new ChatMessage("user", "Why is the sky blue?"));

	@Test
	void generationOptionsBecomeOllamaOptionsWithTheCataloguesContextLengthAsNumCtx() {
		GenerationOptions options = GenerationOptions.newBuilder()
			.setMaxTokens(64)
			.setTemperature(0.2f)
			.setTopP(0.9f)
			.setStop(List.of("\n\n", "END"))
			.setSeed(42L)
			.build();

		OllamaChat.Request request = OllamaBackend.toRequest(call(options, 16384), "5m", PROPERTIES);

		assertThat(request.model()).isEqualTo("llama3.2:3b");
		assertThat(request.stream()).isTrue();
		assertThat(request.keepAlive()).isEqualTo("5m");
		assertThat(request.messages()).containsExactly(new OllamaChat.Message("system", "Be brief."),
				new OllamaChat.Message("user", "Why is the sky blue?"));
		assertThat(request.options())
			.isEqualTo(new OllamaChat.Options(64, 0.2f, 0.9f, List.of("\n\n", "END"), 42L, 16384));
	}

	@Test
	void withoutOptionsOnlyNumCtxIsSentAndTheRestLeftToTheModelDefaults() {
		assertThat(OllamaBackend.toRequest(call(null, 8192), "5m", PROPERTIES).options())
			.isEqualTo(new OllamaChat.Options(null, null, null, null, null, 8192));
		assertThat(
				OllamaBackend.toRequest(call(GenerationOptions.newBuilder().build(), null), "5m", PROPERTIES).options())
			.isNull();
	}

	@Test
	void maxNumCtxCutsALongerCatalogueContextLength() {
		OllamaProperties capped = new OllamaProperties(URI.create("http://127.0.0.1:11434"), Duration.ofSeconds(2),
				"5m", Duration.ofMinutes(2), Duration.ofSeconds(60), 32768);

		assertThat(OllamaBackend.toRequest(call(null, 131072), "5m", capped).options().numCtx()).isEqualTo(32768);
		assertThat(OllamaBackend.toRequest(call(null, 8192), "5m", capped).options().numCtx()).isEqualTo(8192);
	}

	@Test
	void theFirstChunkMayTakeTheLoadTimeoutAndEveryNextOneTheGenerationTimeout() {
		OllamaProperties properties = new OllamaProperties(URI.create("http://127.0.0.1:11434"), Duration.ofSeconds(2),
				"5m", Duration.ofMinutes(2), Duration.ofSeconds(20), null);

		assertThat(OllamaBackend.limits(Duration.ofMinutes(5), properties))
			.isEqualTo(new StreamLimits(Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofSeconds(20)));
		// the call's own timeout (a near deadline) bounds the load too
		assertThat(OllamaBackend.limits(Duration.ofSeconds(30), properties))
			.isEqualTo(new StreamLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(20)));
	}

	@Test
	void bareSecondsOfKeepAliveAreSentAsANumber() {
		OllamaProperties properties = new OllamaProperties(URI.create("http://127.0.0.1:11434"), Duration.ofSeconds(2),
				"-1");

		assertThat(properties.keepAliveValue()).isEqualTo(-1L);
	}

	private static BackendCall call(GenerationOptions options, Integer contextLength) {
		return new BackendCall("req-1", "llama3.2-3b", "llama3.2:3b", MESSAGES, options, Duration.ofSeconds(30),
				contextLength);
	}

}
