package io.llmfleet.worker.backend;

import java.time.Duration;
import java.util.List;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.GenerationOptions;

/**
 * One chat completion to run.
 *
 * @param requestId the fleet request, for logs and error messages
 * @param modelId the catalogue model id
 * @param backendModel the backend's own name for the model
 * @param messages the conversation
 * @param options sampling and length options; null for the backend's defaults
 * @param timeout how long the whole call may take
 * @param contextLength the catalogue model's context window in tokens, which a backend
 * that sizes its context per model (Ollama's {@code num_ctx}) runs it with; null when
 * unknown
 */
public record BackendCall(String requestId, String modelId, String backendModel, List<ChatMessage> messages,
		GenerationOptions options, Duration timeout, Integer contextLength) {

	/**
	 * A call without a known context window.
	 * @param requestId the fleet request
	 * @param modelId the catalogue model id
	 * @param backendModel the backend's own name for the model
	 * @param messages the conversation
	 * @param options sampling and length options; null for the backend's defaults
	 * @param timeout how long the whole call may take
	 */
	public BackendCall(String requestId, String modelId, String backendModel, List<ChatMessage> messages,
			GenerationOptions options, Duration timeout) {
		this(requestId, modelId, backendModel, messages, options, timeout, null);
	}

}
