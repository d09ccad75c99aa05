package io.llmfleet.worker.ollama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.llmfleet.core.catalog.FleetCatalog.Model;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.backend.http.HttpCalls;
import io.llmfleet.worker.backend.http.StreamLimits;
import io.llmfleet.worker.ollama.api.OllamaChat;
import io.llmfleet.worker.ollama.api.OllamaClient;
import io.llmfleet.worker.ollama.api.OllamaPs;

/**
 * The {@link Backend} that runs chat completions on an Ollama server through its
 * streaming {@code /api/chat}, so time to first token is measured, and classifies every
 * failure into an {@link ErrorKind}. A call may wait {@code load-timeout} for its first
 * chunk (Ollama loads the model on demand), then at most {@code generation-timeout}
 * between two chunks, all within the call's own timeout. Every request of a model carries
 * the same {@code num_ctx} (its catalogue context length) and {@code keep_alive}, so
 * Ollama never reloads a model because one request asked for another context size; a
 * warm-up loads the model with the same values. Its status lists the loaded models and
 * their VRAM from {@code /api/ps}; Ollama says nothing of its queue or KV cache.
 * Thread-safe: it holds one HTTP client and no per-call state.
 */
public class OllamaBackend implements Backend {

	/** The kind the catalogue names this backend by. */
	public static final String KIND = "ollama";

	private final OllamaClient client;

	private final OllamaProperties properties;

	private final Object keepAlive;

	/**
	 * Creates a backend for the server the properties name; opens no connection yet.
	 * @param properties the validated settings
	 */
	public OllamaBackend(OllamaProperties properties) {
		this.client = new OllamaClient(properties.baseUrl(), properties.connectTimeout());
		this.properties = properties;
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

	/**
	 * Loads the model the way Ollama documents it, a chat request without messages, with
	 * the {@code keep_alive} and {@code num_ctx} every later request carries, within the
	 * load timeout.
	 */
	@Override
	public Optional<BackendOutcome.Failed> warmUp(Model model) {
		BackendCall load = new BackendCall("warm-up", model.id(), model.backendModel(), List.of(), null,
				this.properties.loadTimeout(), model.contextLength());
		BackendOutcome outcome = HttpCalls.chat(KIND, load, (call, timeout) -> {
			OllamaChat.Answer answer = this.client.chat(toRequest(call, this.keepAlive, this.properties),
					StreamLimits.overall(timeout));
			return new BackendOutcome.Completed(answer.content(), 0, 0, null, answer.doneReason(), timings(answer));
		}, OllamaErrors::classify);
		return (outcome instanceof BackendOutcome.Failed failed) ? Optional.of(failed) : Optional.empty();
	}

	@Override
	public BackendStatus status(List<Model> served, Duration timeout) {
		return HttpCalls.status(KIND, this.client.baseUrl(), () -> toStatus(this.client.ps(timeout), served));
	}

	/**
	 * Maps Ollama's loaded models back to the served catalogue models, matching names as
	 * Ollama does ({@code llama3.2} is {@code llama3.2:latest}); loaded models this
	 * worker does not serve still hold VRAM, which is counted apart.
	 * @param running the reply to {@code /api/ps}
	 * @param served the served catalogue models
	 * @return the status
	 */
	static BackendStatus toStatus(OllamaPs.Running running, List<Model> served) {
		Map<String, String> ids = new HashMap<>();
		served.forEach((model) -> ids.putIfAbsent(canonical(model.backendModel()), model.id()));
		List<BackendStatus.Loaded> loaded = new ArrayList<>();
		long otherVram = 0;
		for (OllamaPs.Model model : running.models()) {
			String name = (model.name() != null) ? model.name() : model.model();
			String id = (name != null) ? ids.get(canonical(name)) : null;
			if (id != null) {
				loaded.add(new BackendStatus.Loaded(id, model.sizeVram(), false));
			}
			else {
				otherVram += model.sizeVram();
			}
		}
		return new BackendStatus(loaded, otherVram, null, null, null, null);
	}

	// a name without a tag means ":latest"; the tag is after the last '/'
	private static String canonical(String name) {
		String base = name.substring(name.lastIndexOf('/') + 1);
		return base.contains(":") ? name : name + ":latest";
	}

	private BackendOutcome.Completed complete(BackendCall call, Duration timeout) {
		OllamaChat.Answer answer = this.client.chat(toRequest(call, this.keepAlive, this.properties),
				limits(timeout, this.properties));
		Long timeToFirstTokenMs = (answer.timeToFirstToken() != null) ? answer.timeToFirstToken().toMillis() : null;
		return new BackendOutcome.Completed(answer.content(), answer.promptEvalCount(), answer.evalCount(),
				timeToFirstTokenMs, answer.doneReason(), timings(answer));
	}

	/**
	 * The limits of one call: its first chunk within the load timeout, then the
	 * generation timeout between chunks, all within the call's timeout.
	 * @param timeout the call's timeout
	 * @param properties the settings
	 * @return the limits
	 */
	static StreamLimits limits(Duration timeout, OllamaProperties properties) {
		Duration firstChunk = (properties.loadTimeout().compareTo(timeout) < 0) ? properties.loadTimeout() : timeout;
		return new StreamLimits(timeout, firstChunk, properties.generationTimeout());
	}

	private static BackendOutcome.BackendTimings timings(OllamaChat.Answer answer) {
		return new BackendOutcome.BackendTimings(millis(answer.loadDuration()), millis(answer.promptEvalDuration()),
				millis(answer.evalDuration()));
	}

	private static Long millis(Duration duration) {
		return (duration != null) ? duration.toMillis() : null;
	}

	/**
	 * Maps a call to Ollama's chat request: {@code max_tokens} becomes
	 * {@code num_predict}, the other options keep their meaning, absent options are left
	 * to the model's defaults, and {@code num_ctx} is the catalogue's context length (cut
	 * to {@code max-num-ctx}).
	 * @param call the call
	 * @param keepAlive Ollama's {@code keep_alive} value
	 * @param properties the settings
	 * @return the request
	 */
	static OllamaChat.Request toRequest(BackendCall call, Object keepAlive, OllamaProperties properties) {
		List<OllamaChat.Message> messages = new ArrayList<>(call.messages().size());
		for (ChatMessage message : call.messages()) {
			messages.add(new OllamaChat.Message(message.getRole(), message.getContent()));
		}
		return new OllamaChat.Request(call.backendModel(), messages, true, keepAlive,
				toOptions(call.options(), properties.numCtx(call.contextLength())));
	}

	private static OllamaChat.Options toOptions(GenerationOptions options, Integer numCtx) {
		if (options == null) {
			return (numCtx != null) ? new OllamaChat.Options(null, null, null, null, null, numCtx) : null;
		}
		List<String> stop = (options.getStop() == null || options.getStop().isEmpty()) ? null
				: List.copyOf(options.getStop());
		if (options.getMaxTokens() == null && options.getTemperature() == null && options.getTopP() == null
				&& stop == null && options.getSeed() == null && numCtx == null) {
			return null;
		}
		return new OllamaChat.Options(options.getMaxTokens(), options.getTemperature(), options.getTopP(), stop,
				options.getSeed(), numCtx);
	}

}
