package io.llmfleet.cli.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.schemas.ChatMessage;

/**
 * The right tier of recorded requests, from JSONL: each line a {@code tier} and one of
 * {@code request_id}, {@code custom_id} or {@code prompt} (so the classifier's training
 * file, {@code data/routing-train.jsonl}, labels traffic made of its prompts). A request
 * is looked up by id, then by {@code custom_id}, then by its text.
 */
public final class Labels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> byRequestId = new HashMap<>();

	private final Map<String, String> byCustomId = new HashMap<>();

	private final Map<String, String> byPrompt = new HashMap<>();

	/** No labels. */
	public static Labels none() {
		return new Labels();
	}

	/**
	 * Reads {@code file}.
	 * @throws IllegalArgumentException naming the line, for a line without a tier or key
	 */
	public static Labels read(Path file) throws IOException {
		Labels labels = new Labels();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			JsonNode node;
			try {
				node = JSON.readTree(lines.get(i));
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException(file + ":" + (i + 1) + " is not JSON: " + ex.getOriginalMessage());
			}
			String tier = node.path("tier").asString(null);
			if (tier == null || tier.isBlank()) {
				throw new IllegalArgumentException(file + ":" + (i + 1) + " has no \"tier\"");
			}
			if (!labels.add(node, tier)) {
				throw new IllegalArgumentException(
						file + ":" + (i + 1) + " needs \"request_id\", \"custom_id\" or \"prompt\" beside its tier");
			}
		}
		return labels;
	}

	private boolean add(JsonNode node, String tier) {
		boolean keyed = false;
		if (node.hasNonNull("request_id")) {
			this.byRequestId.put(node.get("request_id").asString(), tier);
			keyed = true;
		}
		if (node.hasNonNull("custom_id")) {
			this.byCustomId.put(node.get("custom_id").asString(), tier);
			keyed = true;
		}
		if (node.hasNonNull("prompt")) {
			this.byPrompt.put(node.get("prompt").asString().strip(), tier);
			keyed = true;
		}
		return keyed;
	}

	/** Whether there are any labels. */
	public boolean isEmpty() {
		return this.byRequestId.isEmpty() && this.byCustomId.isEmpty() && this.byPrompt.isEmpty();
	}

	/** The label of {@code record}, if any. */
	public Optional<String> tierOf(TrafficRecord record) {
		String tier = this.byRequestId.get(record.requestId());
		if (tier == null && record.customId() != null) {
			tier = this.byCustomId.get(record.customId());
		}
		if (tier == null && !this.byPrompt.isEmpty()) {
			tier = this.byPrompt.get(text(record));
		}
		return Optional.ofNullable(tier);
	}

	private static String text(TrafficRecord record) {
		StringBuilder text = new StringBuilder();
		for (ChatMessage message : record.request().getMessages()) {
			text.append(message.getContent()).append('\n');
		}
		return text.toString().strip();
	}

}
