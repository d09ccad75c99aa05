package io.llmfleet.worker.ollama.api;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of Ollama's {@code POST /api/chat} as records, named as in Ollama's
 * {@code docs/api.md}, plus the {@link Answer} a whole stream adds up to. Fields a record
 * leaves null are left out of requests, so Ollama applies its own defaults.
 */
public final class OllamaChat {

	/** Reads and writes Ollama's snake_case JSON; thread-safe, so shared. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		// newer Ollama versions add fields (thinking, tool_calls, ...) this worker does
		// not use
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// an error line has no "done": read it as false rather than failing (Jackson 3
		// fails)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private OllamaChat() {
	}

	/**
	 * The request body.
	 *
	 * @param model the model name as Ollama knows it ({@code llama3.2:3b})
	 * @param messages the conversation
	 * @param stream whether to stream NDJSON chunks; this worker always streams
	 * @param keepAlive how long the model stays loaded afterwards: a duration string
	 * ({@code "5m"}) or a number of seconds, negative for ever
	 * @param options sampling and length options, null for the model's defaults
	 */
	public record Request(String model, List<Message> messages, boolean stream, Object keepAlive, Options options) {
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
	 * The subset of Ollama's model options the fleet sets.
	 *
	 * @param numPredict maximum tokens to generate
	 * @param temperature sampling temperature
	 * @param topP nucleus sampling mass
	 * @param stop stop sequences
	 * @param seed sampling seed, for reproducible answers
	 * @param numCtx the context window the model runs with; a request with another value
	 * than the loaded model's makes Ollama load it again
	 */
	public record Options(Integer numPredict, Float temperature, Float topP, List<String> stop, Long seed,
			Integer numCtx) {
	}

	/**
	 * One line of the NDJSON stream. Only the final chunk ({@code done: true}) carries
	 * the reason, the token counts and the durations (nanoseconds); a failure in the
	 * middle of a stream is a line with only {@code error}.
	 *
	 * @param model the model that answered
	 * @param message the next piece of the answer
	 * @param done whether this is the final chunk
	 * @param doneReason why generation stopped: {@code stop}, {@code length}, or
	 * {@code load} for a request without messages
	 * @param promptEvalCount tokens in the prompt
	 * @param evalCount tokens generated
	 * @param totalDuration the whole request, load included
	 * @param loadDuration loading the model
	 * @param promptEvalDuration evaluating the prompt
	 * @param evalDuration generating the answer
	 * @param error what went wrong, on an error line only
	 */
	public record Chunk(String model, Message message, boolean done, String doneReason, Integer promptEvalCount,
			Integer evalCount, Long totalDuration, Long loadDuration, Long promptEvalDuration, Long evalDuration,
			String error) {
	}

	/**
	 * Ollama's error body, as sent with a non-2xx status.
	 *
	 * @param error what went wrong
	 */
	public record ErrorBody(String error) {
	}

	/**
	 * A whole streamed answer.
	 *
	 * @param content the generated text
	 * @param promptEvalCount tokens in the prompt (0 when Ollama did not say)
	 * @param evalCount tokens generated (0 when Ollama did not say)
	 * @param doneReason why generation stopped, null when Ollama did not say
	 * @param timeToFirstToken from sending the request to the first non-empty piece; null
	 * when the answer is empty
	 * @param loadDuration loading the model, null when Ollama did not say
	 * @param promptEvalDuration evaluating the prompt, null when Ollama did not say
	 * @param evalDuration generating the answer, null when Ollama did not say
	 */
	public record Answer(String content, int promptEvalCount, int evalCount, String doneReason,
			Duration timeToFirstToken, Duration loadDuration, Duration promptEvalDuration, Duration evalDuration) {
	}

}
