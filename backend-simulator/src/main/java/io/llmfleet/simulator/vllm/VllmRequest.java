package io.llmfleet.simulator.vllm;

import java.util.ArrayList;
import java.util.List;

import io.llmfleet.simulator.ChatMessage;
import io.llmfleet.simulator.GenerationRequest;
import io.llmfleet.simulator.http.HttpError;
import io.llmfleet.simulator.http.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * A {@code /v1/chat/completions} request reduced to what the simulator acts on.
 * {@code temperature} and {@code top_p} are checked as vLLM's sampling parameters check
 * them and otherwise ignored: output depends only on prompt and seed.
 *
 * @param model the model name, null to use the first served model as vLLM does
 * @param messages the conversation
 * @param maxTokens {@code max_tokens} (or {@code max_completion_tokens}), null when
 * absent
 * @param seed sampling seed, 0 when absent
 * @param stop stop sequences
 * @param stream whether to answer with server-sent events
 * @param includeUsage whether a stream ends with a usage chunk ({@code stream_options})
 */
record VllmRequest(String model, List<ChatMessage> messages, Integer maxTokens, long seed, List<String> stop,
		boolean stream, boolean includeUsage) {

	/**
	 * Reads a request body.
	 * @param body the JSON object
	 * @return the request
	 * @throws HttpError 400 for missing messages or fields of the wrong type
	 */
	static VllmRequest from(JsonNode body) {
		Double temperature = JsonFields.number(body, "temperature");
		if (temperature != null && temperature < 0) {
			throw HttpError.badRequest("temperature must be non-negative, got " + temperature + ".");
		}
		Double topP = JsonFields.number(body, "top_p");
		if (topP != null && !(topP > 0 && topP <= 1)) {
			throw HttpError.badRequest("top_p must be in (0, 1], got " + topP + ".");
		}
		long maxTokens = JsonFields.integer(body, "max_tokens",
				JsonFields.integer(body, "max_completion_tokens", Long.MIN_VALUE));
		if (maxTokens != Long.MIN_VALUE && maxTokens < 1) {
			throw HttpError.badRequest("max_tokens must be at least 1, got " + maxTokens + ".");
		}
		boolean stream = JsonFields.bool(body, "stream", false);
		JsonNode streamOptions = JsonFields.object(body, "stream_options");
		if (!streamOptions.isMissingNode() && !stream) {
			throw HttpError.badRequest("Stream options can only be defined when `stream=True`.");
		}
		// vLLM's StreamOptions defaults include_usage to true once stream_options is
		// given
		boolean includeUsage = !streamOptions.isMissingNode() && JsonFields.bool(streamOptions, "include_usage", true);
		return new VllmRequest(JsonFields.string(body, "model", null), messages(body),
				(maxTokens == Long.MIN_VALUE) ? null : (int) Math.min(Integer.MAX_VALUE, maxTokens),
				JsonFields.integer(body, "seed", 0), JsonFields.strings(body, "stop"), stream, includeUsage);
	}

	/**
	 * What to generate, capped at {@code maxTokens}.
	 * @param maxTokens the effective completion cap
	 * @return the generation request
	 */
	GenerationRequest generation(int maxTokens) {
		return GenerationRequest.ofChat(this.messages).withSeed(this.seed).withMaxTokens(maxTokens).withStop(this.stop);
	}

	private static List<ChatMessage> messages(JsonNode body) {
		JsonNode messages = body.get("messages");
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw HttpError.badRequest("messages must be a non-empty list of messages");
		}
		List<ChatMessage> conversation = new ArrayList<>();
		for (JsonNode message : messages) {
			if (!message.isObject()) {
				throw HttpError.badRequest("each message must be an object but one was " + message);
			}
			conversation
				.add(new ChatMessage(JsonFields.string(message, "role", "user"), content(message.get("content"))));
		}
		return conversation;
	}

	// content is a string, null (assistant tool calls) or a list of parts; only text
	// parts count
	private static String content(JsonNode content) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.asString();
		}
		if (!content.isArray()) {
			throw HttpError.badRequest("message content must be a string or a list of parts but was " + content);
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			if ("text".equals(part.path("type").asString(""))) {
				text.append(part.path("text").asString(""));
			}
		}
		return text.toString();
	}

}
