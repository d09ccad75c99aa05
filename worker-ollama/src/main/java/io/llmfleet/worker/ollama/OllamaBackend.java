package io.llmfleet.worker.ollama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.http.HttpCalls;
import io.llmfleet.worker.ollama.api.OllamaChat;
import io.llmfleet.worker.ollama.api.OllamaClient;

/**
 * The {@link Backend} that runs chat completions on an Ollama server through its
 * streaming {@code /api/chat}, so time to first token is measured, and classifies every
 * failure into an {@link ErrorKind}. Thread-safe: it holds one HTTP client and no
 * per-call state.
 */
public class OllamaBackend implements Backend {

	/** The kind the catalogue names this backend by. */
	public static final String KIND = "ollama";

	private final OllamaClient client;

	private final Object keepAlive;

	/**
	 * Creates a backend for the server the properties name; opens no connection yet.
	 * @param properties the validated settings
	 */
	public OllamaBackend(OllamaProperties properties) {
		this.client = new OllamaClient(properties.baseUrl(), properties.connectTimeout());
		this.keepAlive = properties.keepAliveValue();
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void checkReachable() {
		HttpCalls.checkReachable(KIND, this.client.baseUrl(), this.client::ping);
	}

	@Override
	public BackendOutcome chat(BackendCall call) {
		return HttpCalls.chat(KIND, call, this::complete, OllamaErrors::classify);
	}

	private BackendOutcome.Completed complete(BackendCall call, Duration timeout) {
		OllamaChat.Answer answer = this.client.chat(toRequest(call, this.keepAlive), timeout);
		Long timeToFirstTokenMs = (answer.timeToFirstToken() != null) ? answer.timeToFirstToken().toMillis() : null;
		return new BackendOutcome.Completed(answer.content(), answer.promptEvalCount(), answer.evalCount(),
				timeToFirstTokenMs, answer.doneReason());
	}

	/**
	 * Maps a call to Ollama's chat request: {@code max_tokens} becomes
	 * {@code num_predict}, the other options keep their meaning, and absent options are
	 * left to the model's defaults.
	 * @param call the call
	 * @param keepAlive Ollama's {@code keep_alive} value
	 * @return the request
	 */
	static OllamaChat.Request toRequest(BackendCall call, Object keepAlive) {
		List<OllamaChat.Message> messages = new ArrayList<>(call.messages().size());
		for (ChatMessage message : call.messages()) {
			messages.add(new OllamaChat.Message(message.getRole(), message.getContent()));
		}
		return new OllamaChat.Request(call.backendModel(), messages, true, keepAlive, toOptions(call.options()));
	}

	private static OllamaChat.Options toOptions(GenerationOptions options) {
		if (options == null) {
			return null;
		}
		List<String> stop = (options.getStop() == null || options.getStop().isEmpty()) ? null
				: List.copyOf(options.getStop());
		if (options.getMaxTokens() == null && options.getTemperature() == null && options.getTopP() == null
				&& stop == null && options.getSeed() == null) {
			return null;
		}
		return new OllamaChat.Options(options.getMaxTokens(), options.getTemperature(), options.getTopP(), stop,
				options.getSeed());
	}

}
