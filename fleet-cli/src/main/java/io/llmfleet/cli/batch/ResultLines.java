package io.llmfleet.cli.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.Timings;

/**
 * Writes one JSON line per input line: {@code custom_id}, {@code request_id},
 * {@code status}, {@code tier}, {@code model}, and a {@code response} (content, usage,
 * timings) or an {@code error} (kind and message). A request without a result yet (a
 * detached batch collected early) is {@code PENDING}; one whose deadline passed without
 * any is {@code NO_RESULT}.
 */
public final class ResultLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ResultLines() {
	}

	/** Writes {@code outcomes} to {@code file}, replacing it. */
	public static void write(Path file, List<BatchRunner.Outcome> outcomes) throws IOException {
		writeLines(file, outcomes.stream().map(ResultLines::line).toList());
	}

	/**
	 * Writes lines made by {@link #line(String, String, InferenceResult, String)} to
	 * {@code file}, replacing it.
	 */
	public static void writeLines(Path file, List<Map<String, Object>> lines) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			for (Map<String, Object> line : lines) {
				out.write(JSON.writeValueAsString(line));
				out.newLine();
			}
		}
	}

	static Map<String, Object> line(BatchRunner.Outcome outcome) {
		return line(outcome.line().customId(), outcome.line().request().getRequestId(), outcome.result(),
				outcome.failure());
	}

	/**
	 * One output line.
	 * @param customId the input line's {@code custom_id}
	 * @param requestId the request id it was submitted under
	 * @param result its result, null when there is none
	 * @param failure why there is none ({@code NO_RESULT}); null with a null result means
	 * it is still {@code PENDING}
	 */
	public static Map<String, Object> line(String customId, String requestId, InferenceResult result, String failure) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("custom_id", customId);
		line.put("request_id", requestId);
		if (result == null && failure == null) {
			line.put("status", "PENDING");
			return line;
		}
		if (result == null) {
			line.put("status", "NO_RESULT");
			line.put("error", Map.of("kind", "TIMEOUT", "message", failure));
			return line;
		}
		line.put("status", result.getStatus().name());
		line.put("tier", result.getTier());
		line.put("model", result.getModelId());
		line.put("worker", result.getWorkerId());
		line.put("attempts", result.getAttempts());
		if (result.getError() != null) {
			line.put("error",
					Map.of("kind", result.getError().getKind().name(), "message", result.getError().getMessage()));
		}
		else {
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("content", result.getOutput());
			if (result.getUsage() != null) {
				response.put("usage", Map.of("prompt_tokens", result.getUsage().getPromptTokens(), "completion_tokens",
						result.getUsage().getCompletionTokens()));
			}
			line.put("response", response);
		}
		line.put("timings", timings(result.getTimings()));
		return line;
	}

	private static Map<String, Object> timings(Timings timings) {
		Map<String, Object> stages = new LinkedHashMap<>();
		stages.put("classify_ms", timings.getClassifyMs());
		stages.put("dispatch_ms", timings.getDispatchMs());
		stages.put("queue_ms", timings.getQueueMs());
		stages.put("backend_ms", timings.getBackendMs());
		stages.put("time_to_first_token_ms", timings.getTimeToFirstTokenMs());
		stages.put("total_ms", timings.getTotalMs());
		return stages;
	}

}
