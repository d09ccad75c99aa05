package io.llmfleet.worker.vllm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.llmfleet.core.catalog.FleetCatalog.Model;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.backend.http.BackendHttpException;
import io.llmfleet.worker.backend.http.HttpCalls;
import io.llmfleet.worker.backend.http.StreamLimits;
import io.llmfleet.worker.vllm.api.VllmChat;
import io.llmfleet.worker.vllm.api.VllmClient;
import io.llmfleet.worker.vllm.api.VllmMetrics;
import io.llmfleet.worker.vllm.api.VllmModels;

/**
 * The {@link Backend} that runs chat completions on a vLLM server through its streaming
 * OpenAI-compatible {@code /v1/chat/completions}, so time to first token is measured, and
 * classifies every failure into an {@link ErrorKind}. Its status lists the served models
 * of {@code /v1/models} as loaded and reads requests running and waiting and KV-cache
 * usage from {@code /metrics}. Thread-safe: it holds one HTTP client and no per-call
 * state.
 */
public class VllmBackend implements Backend {

	/** The kind the catalogue names this backend by. */
	public static final String KIND = "vllm";

	private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(10);

	private final VllmClient client;

	private final Duration generationTimeout;

	/**
	 * Creates a backend for the server the properties name; opens no connection yet.
	 * @param properties the validated settings
	 */
	public VllmBackend(VllmProperties properties) {
		this.client = new VllmClient(properties.baseUrl(), properties.connectTimeout(), properties.apiKey());
		this.generationTimeout = properties.generationTimeout();
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void checkReachable() {
		HttpCalls.checkReachable(KIND, this.client.baseUrl(), this.client::health);
	}

	@Override
	public BackendOutcome chat(BackendCall call) {
		return HttpCalls.chat(KIND, call, this::complete, VllmErrors::classify);
	}

	/**
	 * vLLM loads its models when it starts, so there is nothing to load: the warm-up
	 * checks that {@code /v1/models} lists the model under its catalogue name, which
	 * catches a worker pointed at a vLLM serving another model (a PERMANENT failure).
	 */
	@Override
	public Optional<BackendOutcome.Failed> warmUp(Model model) {
		try {
			VllmModels models = this.client.models(WARM_UP_TIMEOUT);
			if (toLoaded(models, List.of(model)).isEmpty()) {
				return Optional.of(new BackendOutcome.Failed(ErrorKind.PERMANENT,
						KIND + " at " + this.client.baseUrl() + " serves "
								+ models.data().stream().map(VllmModels.Model::id).toList() + ", not "
								+ model.backendModel() + " (" + model.id() + ")"));
			}
			return Optional.empty();
		}
		catch (BackendHttpException ex) {
			return Optional.of(new BackendOutcome.Failed(VllmErrors.classify(ex.status(), ex.error(), ex.getCause()),
					KIND + " models at " + this.client.baseUrl() + " failed: " + ex.getMessage()));
		}
	}

	@Override
	public BackendStatus status(List<Model> served, Duration timeout) {
		return HttpCalls.status(KIND, this.client.baseUrl(), () -> {
			List<BackendStatus.Loaded> loaded = toLoaded(this.client.models(timeout), served);
			try {
				VllmMetrics metrics = this.client.metrics(timeout);
				return new BackendStatus(loaded, 0, metrics.running(), metrics.waiting(), metrics.kvCacheUsage(), null);
			}
			catch (BackendHttpException ex) {
				// the models alone are worth reporting
				return new BackendStatus(loaded, 0, null, null, null,
						KIND + " metrics at " + this.client.baseUrl() + " failed: " + ex.getMessage());
			}
		});
	}

	/**
	 * The served catalogue models among those vLLM serves, all loaded; their VRAM is left
	 * to the catalogue, as vLLM reserves its memory up front for all of them together.
	 * @param models the reply to {@code /v1/models}
	 * @param served the served catalogue models
	 * @return the loaded models
	 */
	static List<BackendStatus.Loaded> toLoaded(VllmModels models, List<Model> served) {
		List<BackendStatus.Loaded> loaded = new ArrayList<>();
		for (Model model : served) {
			if (models.data().stream().anyMatch((listed) -> model.backendModel().equals(listed.id()))) {
				loaded.add(new BackendStatus.Loaded(model.id(), null, false));
			}
		}
		return loaded;
	}

	private BackendOutcome.Completed complete(BackendCall call, Duration timeout) {
		VllmChat.Answer answer = this.client.chat(toRequest(call),
				new StreamLimits(timeout, timeout, this.generationTimeout));
		Long timeToFirstTokenMs = (answer.timeToFirstToken() != null) ? answer.timeToFirstToken().toMillis() : null;
		return new BackendOutcome.Completed(answer.content(), answer.promptTokens(), answer.completionTokens(),
				timeToFirstTokenMs, answer.finishReason());
	}

	/**
	 * Maps a call to an OpenAI chat request: the options keep their names and meaning,
	 * and absent options are left to the model's defaults ({@code generation_config}).
	 * @param call the call
	 * @return the request
	 */
	static VllmChat.Request toRequest(BackendCall call) {
		List<VllmChat.Message> messages = new ArrayList<>(call.messages().size());
		for (ChatMessage message : call.messages()) {
			messages.add(new VllmChat.Message(message.getRole(), message.getContent()));
		}
		GenerationOptions options = call.options();
		if (options == null) {
			return new VllmChat.Request(call.backendModel(), messages, true, new VllmChat.StreamOptions(true), null,
					null, null, null, null);
		}
		List<String> stop = (options.getStop() == null || options.getStop().isEmpty()) ? null
				: List.copyOf(options.getStop());
		return new VllmChat.Request(call.backendModel(), messages, true, new VllmChat.StreamOptions(true),
				options.getMaxTokens(), options.getTemperature(), options.getTopP(), stop, options.getSeed());
	}

}
