package io.llmfleet.simulator.ollama;

import java.util.ArrayList;
import java.util.List;

import io.llmfleet.simulator.ChatMessage;
import io.llmfleet.simulator.GenerationRequest;
import io.llmfleet.simulator.http.HttpError;
import io.llmfleet.simulator.http.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * A {@code /api/chat} or {@code /api/generate} request reduced to what the simulator acts
 * on. A generate request becomes a conversation of its {@code system} and {@code prompt},
 * so both endpoints count and answer prompts the same way.
 *
 * @param model the model name as the client wrote it
 * @param stream whether to stream NDJSON (Ollama's default) or answer with one object
 * @param keepAlive how long the model stays loaded afterwards
 * @param messages the conversation; empty means "only load (or unload) the model"
 * @param options the sampling options the simulator honours
 */
record OllamaRequest(String model, boolean stream, KeepAlive keepAlive, List<ChatMessage> messages, Options options) {

	/**
	 * Reads a {@code /api/chat} body.
	 * @param body the JSON object
	 * @return the request
	 */
	static OllamaRequest chat(JsonNode body) {
		JsonNode messages = body.get("messages");
		List<ChatMessage> conversation = new ArrayList<>();
		if (messages != null && !messages.isNull()) {
			if (!messages.isArray()) {
				throw HttpError.badRequest("field \"messages\" must be a list but was " + messages);
			}
			for (JsonNode message : messages) {
				if (!message.isObject()) {
					throw HttpError.badRequest("each message must be an object but one was " + message);
				}
				conversation.add(new ChatMessage(JsonFields.string(message, "role", "user"),
						JsonFields.string(message, "content", "")));
			}
		}
		return common(body, conversation);
	}

	/**
	 * Reads a {@code /api/generate} body.
	 * @param body the JSON object
	 * @return the request
	 */
	static OllamaRequest generate(JsonNode body) {
		String prompt = JsonFields.string(body, "prompt", "");
		String system = JsonFields.string(body, "system", "");
		List<ChatMessage> conversation = new ArrayList<>();
		if (!prompt.isEmpty()) {
			if (!system.isEmpty()) {
				conversation.add(new ChatMessage("system", system));
			}
			conversation.add(new ChatMessage("user", prompt));
		}
		return common(body, conversation);
	}

	private static OllamaRequest common(JsonNode body, List<ChatMessage> conversation) {
		return new OllamaRequest(JsonFields.string(body, "model", ""), JsonFields.bool(body, "stream", true),
				KeepAlive.from(body.get("keep_alive")), List.copyOf(conversation),
				Options.from(JsonFields.object(body, "options")));
	}

	/**
	 * Whether the request only loads or unloads the model (no messages, no prompt).
	 * @return true for a load-only request
	 */
	boolean loadOnly() {
		return this.messages.isEmpty();
	}

	/**
	 * What to generate.
	 * @return the generation request with seed, {@code num_predict} and stop sequences
	 */
	GenerationRequest generation() {
		return GenerationRequest.ofChat(this.messages)
			.withSeed(this.options.seed())
			.withMaxTokens(this.options.numPredict())
			.withStop(this.options.stop());
	}

	/**
	 * Ollama's {@code options} the simulator honours. {@code temperature} and
	 * {@code top_p} are checked and otherwise ignored: output depends only on prompt and
	 * seed.
	 *
	 * @param numPredict cap on generated tokens, 0 or less for none (Ollama's -1 and -2)
	 * @param seed sampling seed, 0 when absent
	 * @param stop stop sequences
	 * @param numCtx context window; longer prompts are truncated to it, 0 for no limit
	 * @param temperature sampling temperature, null when absent
	 * @param topP nucleus sampling mass, null when absent
	 */
	record Options(int numPredict, long seed, List<String> stop, int numCtx, Double temperature, Double topP) {

		static Options from(JsonNode options) {
			if (options.isMissingNode()) {
				return new Options(0, 0, List.of(), 0, null, null);
			}
			return new Options(clamp(JsonFields.integer(options, "num_predict", 0)),
					JsonFields.integer(options, "seed", 0), JsonFields.strings(options, "stop"),
					clamp(JsonFields.integer(options, "num_ctx", 0)), JsonFields.number(options, "temperature"),
					JsonFields.number(options, "top_p"));
		}

		private static int clamp(long value) {
			return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
		}

		/**
		 * The prompt tokens Ollama evaluates: it truncates prompts longer than
		 * {@code num_ctx}.
		 * @param promptTokens tokens in the whole prompt
		 * @return the tokens evaluated
		 */
		int evaluated(int promptTokens) {
			return (this.numCtx > 0) ? Math.min(promptTokens, this.numCtx) : promptTokens;
		}

	}

}
