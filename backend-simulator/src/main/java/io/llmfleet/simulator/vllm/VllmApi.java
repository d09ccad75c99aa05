package io.llmfleet.simulator.vllm;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible JSON bodies vLLM writes, as records named after the OpenAI chat
 * completions API. Unlike Ollama, nulls are written ({@code "finish_reason": null},
 * {@code "param": null}) because OpenAI clients expect those keys; only a chunk's absent
 * {@code usage} and a delta's absent fields are left out, as vLLM does.
 */
final class VllmApi {

	static final ObjectMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private VllmApi() {
	}

	/** The assistant message of a non-streamed choice. */
	record Message(String role, String content) {
	}

	/** Token counts of one request. */
	record Usage(int promptTokens, int totalTokens, int completionTokens) {

		static Usage of(int promptTokens, int completionTokens) {
			return new Usage(promptTokens, promptTokens + completionTokens, completionTokens);
		}

	}

	/** One choice of a {@code chat.completion}. */
	record Choice(int index, Message message, Object logprobs, String finishReason, Object stopReason) {
	}

	/** The reply to a non-streamed chat completion. */
	record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {
	}

	/** What a stream chunk adds to the message; absent fields are left out. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Delta(String role, String content) {
	}

	/** One choice of a {@code chat.completion.chunk}. */
	record ChunkChoice(int index, Delta delta, Object logprobs, String finishReason) {
	}

	/** One server-sent event of a streamed chat completion. */
	record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
			@JsonInclude(JsonInclude.Include.NON_NULL) Usage usage) {
	}

	/** One entry of {@code GET /v1/models}. */
	record Model(String id, String object, long created, String ownedBy, String root, String parent, int maxModelLen,
			List<Permission> permission) {
	}

	/** The one permission entry vLLM lists for each model. */
	record Permission(String id, String object, long created, boolean allowCreateEngine, boolean allowSampling,
			boolean allowLogprobs, boolean allowSearchIndices, boolean allowView, boolean allowFineTuning,
			String organization, String group, boolean isBlocking) {

		static Permission of(String id, long created) {
			return new Permission(id, "model_permission", created, false, true, true, false, true, false, "*", null,
					false);
		}

	}

	/** The reply to {@code GET /v1/models}. */
	record ModelList(String object, List<Model> data) {
	}

	/** vLLM's error body. */
	record Error(String object, String message, String type, Object param, int code) {

		/**
		 * An error with the OpenAI error type vLLM uses for its status.
		 * @param status the HTTP status
		 * @param message the message
		 * @return the body
		 */
		static Error of(int status, String message) {
			return new Error("error", message, type(status), null, status);
		}

		private static String type(int status) {
			return switch (status) {
				case 400 -> "BadRequestError";
				case 404 -> "NotFoundError";
				case 429 -> "RateLimitError";
				case 501 -> "NotImplementedError";
				case 503 -> "ServiceUnavailableError";
				default -> "InternalServerError";
			};
		}

	}

	/**
	 * An error event in a stream that already started: {@code data: {"error": {...}}}.
	 */
	record StreamError(Error error) {
	}

	/** FastAPI's body for unknown paths and methods. */
	record Detail(String detail) {
	}

}
