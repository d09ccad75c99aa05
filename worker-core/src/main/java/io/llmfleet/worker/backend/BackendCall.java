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
 */
public record BackendCall(String requestId, String modelId, String backendModel, List<ChatMessage> messages,
		GenerationOptions options, Duration timeout) {
}
