package io.llmfleet.simulator.ollama;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ollama's JSON bodies as records, one per reply shape, named as in Ollama's
 * {@code docs/api.md}. The mapper writes snake_case and leaves out absent (null) fields,
 * as Ollama does for the statistics of non-final chunks.
 */
final class OllamaApi {

	static final ObjectMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private OllamaApi() {
	}

	/** A chat message in a reply. */
	record Message(String role, String content) {

		static Message assistant(String content) {
			return new Message("assistant", content);
		}

	}

	/** Statistics of the final chunk; durations in nanoseconds. */
	record Stats(String doneReason, Long totalDuration, Long loadDuration, Integer promptEvalCount,
			Long promptEvalDuration, Integer evalCount, Long evalDuration) {

		static Stats reasonOnly(String doneReason) {
			return new Stats(doneReason, null, null, null, null, null, null);
		}

	}

	/** One object of a {@code /api/chat} stream, or the whole unstreamed reply. */
	record ChatChunk(String model, String createdAt, Message message, boolean done, @JsonUnwrapped Stats stats) {
	}

	/** One object of a {@code /api/generate} stream, or the whole unstreamed reply. */
	record GenerateChunk(String model, String createdAt, String response, boolean done, List<Integer> context,
			@JsonUnwrapped Stats stats) {
	}

	/** The {@code details} of a model. */
	record Details(String parentModel, String format, String family, List<String> families, String parameterSize,
			String quantizationLevel) {
	}

	/** One entry of {@code GET /api/tags}. */
	record LocalModel(String name, String model, String modifiedAt, long size, String digest, Details details) {
	}

	/** The reply to {@code GET /api/tags}. */
	record Tags(List<LocalModel> models) {
	}

	/** One entry of {@code GET /api/ps}. */
	record RunningModel(String name, String model, long size, String digest, Details details, String expiresAt,
			long sizeVram, int contextLength) {
	}

	/** The reply to {@code GET /api/ps}. */
	record Running(List<RunningModel> models) {
	}

	/** Ollama's error body. */
	record Error(String error) {
	}

}
