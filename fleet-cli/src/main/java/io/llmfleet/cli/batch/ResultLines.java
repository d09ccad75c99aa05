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
 * timings) or an {@code error} (kind and message).
 */
public final class ResultLines {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ResultLines() {
	}

	/** Writes {@code outcomes} to {@code file}, replacing it. */
	public static void write(Path file, List<BatchRunner.Outcome> outcomes) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			for (BatchRunner.Outcome outcome : outcomes) {
				out.write(JSON.writeValueAsString(line(outcome)));
				out.newLine();
			}
		}
	}

	static Map<String, Object> line(BatchRunner.Outcome outcome) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("custom_id", outcome.line().customId());
		line.put("request_id", outcome.line().request().getRequestId());
		InferenceResult result = outcome.result();
		if (result == null) {
			line.put("status", "NO_RESULT");
			line.put("error", Map.of("kind", "TIMEOUT", "message", outcome.failure()));
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
