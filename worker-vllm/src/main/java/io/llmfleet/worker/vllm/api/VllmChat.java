package io.llmfleet.worker.vllm.api;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the OpenAI-compatible {@code POST /v1/chat/completions} that vLLM serves,
 * as records named as in the OpenAI API, plus the {@link Answer} a whole stream adds up
 * to. Fields a record leaves null are left out of requests, so vLLM applies the model's
 * defaults.
 */
public final class VllmChat {

	/** Reads and writes the API's snake_case JSON; thread-safe, so shared. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		// chunks carry more than this worker reads (logprobs, stop_reason,
		// system_fingerprint)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private VllmChat() {
	}

	/**
	 * The request body.
	 *
	 * @param model the served model name ({@code meta-llama/Llama-3.1-8B-Instruct})
	 * @param messages the conversation
	 * @param stream whether to stream server-sent events; this worker always streams
	 * @param streamOptions asks for a final usage chunk
	 * @param maxTokens maximum tokens to generate
	 * @param temperature sampling temperature
	 * @param topP nucleus sampling mass
	 * @param stop stop sequences
	 * @param seed sampling seed, for reproducible answers
	 */
	public record Request(String model, List<Message> messages, boolean stream, StreamOptions streamOptions,
			Integer maxTokens, Float temperature, Float topP, List<String> stop, Long seed) {
	}

	/**
	 * One chat message.
	 *
	 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
	 * @param content the text
	 */
	public record Message(String role, String content) {
	}

	/**
	 * Stream options.
	 *
	 * @param includeUsage whether the stream ends with a chunk holding the token usage
	 */
	public record StreamOptions(boolean includeUsage) {
	}

	/**
	 * The payload of one {@code data:} event. Content chunks have one choice; the usage
	 * chunk that {@code include_usage} asks for has none.
	 *
	 * @param id the completion id
	 * @param model the served model name
	 * @param choices the next piece of each choice
	 * @param usage token counts, on the usage chunk only
	 */
	public record Chunk(String id, String model, List<ChunkChoice> choices, Usage usage) {
	}

	/**
	 * The next piece of one choice.
	 *
	 * @param index which choice
	 * @param delta the new text
	 * @param finishReason {@code stop} or {@code length} on the choice's last chunk, else
	 * null
	 */
	public record ChunkChoice(int index, Delta delta, String finishReason) {
	}

	/**
	 * New text of a choice.
	 *
	 * @param role {@code assistant} on the first chunk only
	 * @param content the text, may be empty or null
	 */
	public record Delta(String role, String content) {
	}

	/**
	 * Token usage.
	 *
	 * @param promptTokens tokens in the prompt
	 * @param completionTokens tokens generated
	 */
	public record Usage(int promptTokens, int completionTokens) {
	}

	/**
	 * A whole streamed answer.
	 *
	 * @param content the generated text
	 * @param promptTokens tokens in the prompt (0 when no usage chunk came)
	 * @param completionTokens tokens generated (0 when no usage chunk came)
	 * @param finishReason why generation stopped, null when vLLM did not say
	 * @param timeToFirstToken from sending the request to the first non-empty piece; null
	 * when the answer is empty
	 */
	public record Answer(String content, int promptTokens, int completionTokens, String finishReason,
			Duration timeToFirstToken) {
	}

}
