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
import io.llmfleet.worker.backend.BackendUnavailableException;
import io.llmfleet.worker.ollama.api.OllamaApiException;
import io.llmfleet.worker.ollama.api.OllamaChat;
import io.llmfleet.worker.ollama.api.OllamaClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Backend} that runs chat completions on an Ollama server through its
 * streaming {@code /api/chat}, so time to first token is measured, and classifies every
 * failure into an {@link ErrorKind}. Thread-safe: it holds one HTTP client and no
 * per-call state.
 */
public class OllamaBackend implements Backend {

	/** The kind the catalogue names this backend by. */
	public static final String KIND = "ollama";

	private static final Logger logger = LoggerFactory.getLogger(OllamaBackend.class);

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
		try {
			this.client.ping();
			logger.info("Ollama backend at {} is reachable", this.client.baseUrl());
		}
		catch (OllamaApiException ex) {
			throw BackendUnavailableException.unreachable(KIND, this.client.baseUrl().toString(), ex);
		}
	}

	@Override
	public BackendOutcome chat(BackendCall call) {
		if (call.timeout() != null && (call.timeout().isZero() || call.timeout().isNegative())) {
			return new BackendOutcome.Failed(ErrorKind.TIMEOUT, describe(call, "no time left for the call"));
		}
		Duration timeout = (call.timeout() != null) ? call.timeout() : Duration.ofMinutes(10);
		try {
			OllamaChat.Answer answer = this.client.chat(toRequest(call, this.keepAlive), timeout);
			Long timeToFirstTokenMs = (answer.timeToFirstToken() != null) ? answer.timeToFirstToken().toMillis() : null;
			return new BackendOutcome.Completed(answer.content(), answer.promptEvalCount(), answer.evalCount(),
					timeToFirstTokenMs, answer.doneReason());
		}
		catch (OllamaApiException ex) {
			ErrorKind kind = OllamaErrors.classify(ex.status(), ex.error(), ex.getCause());
			String message = describe(call, ex.getMessage());
			logger.debug("Ollama call failed as {}: {}", kind, message);
			return new BackendOutcome.Failed(kind, message);
		}
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

	private static String describe(BackendCall call, String what) {
		return "ollama model " + call.backendModel() + " (" + call.modelId() + ") failed request " + call.requestId()
				+ ": " + what;
	}

}
