package io.llmfleet.cli.traffic;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traffic as JSONL, one flat object per request: the request ({@code request_id},
 * {@code batch_id}, {@code custom_id}, {@code tenant}, {@code created_at},
 * {@code messages}, {@code model_pin}, {@code tier_hint}, {@code allow_fallback},
 * {@code priority}, {@code options}, {@code metadata}), production's decision
 * ({@code tier}, {@code confidence}, {@code classifier}, {@code language},
 * {@code pinned}) and the final attempt ({@code served_tier}, {@code model},
 * {@code worker}, {@code status}, {@code error_kind}, {@code attempts},
 * {@code latency_ms}, {@code queue_ms}, {@code backend_ms}, {@code prompt_tokens},
 * {@code completion_tokens}). Fields without a value are left out.
 */
public final class TrafficFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TrafficFile() {
	}

	/** Writes {@code records} to {@code file}, replacing it. */
	public static void write(Path file, List<TrafficRecord> records) throws IOException {
		if (file.toAbsolutePath().getParent() != null) {
			Files.createDirectories(file.toAbsolutePath().getParent());
		}
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (TrafficRecord record : records) {
				out.write(JSON.writeValueAsString(TrafficJson.toMap(record)));
				out.newLine();
			}
		}
	}

	/**
	 * Reads {@code file}.
	 * @throws IllegalArgumentException naming the line, for a line that is not a record
	 */
	public static List<TrafficRecord> read(Path file) throws IOException {
		List<TrafficRecord> records = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			try {
				records.add(TrafficJson.fromNode(JSON.readTree(lines.get(i))));
			}
			catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
				throw new IllegalArgumentException(file + ":" + (i + 1) + " is not a traffic record ("
						+ ((ex instanceof JacksonException json) ? json.getOriginalMessage() : ex.getMessage())
						+ "); write one with `fleet export`");
			}
		}
		return records;
	}

}
