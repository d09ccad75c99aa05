package io.llmfleet.cli.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.llmfleet.client.batch.BatchIds;
import io.llmfleet.client.batch.BatchItem;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.schemas.InferenceRequest;

/**
 * Reads OpenAI-Batch-style JSONL: one object per line with a {@code custom_id} and either
 * {@code body.messages} (as in an OpenAI batch file) or a plain {@code prompt}, and an
 * optional {@code model} (top level or in {@code body}) that pins a catalogue model;
 * {@code "auto"} or no model lets the classifier decide. {@code body.max_tokens},
 * {@code temperature}, {@code top_p}, {@code seed} and {@code stop} become generation
 * options.
 */
public final class BatchFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private BatchFile() {
	}

	/** One input line and the request made from it. */
	public record Line(int number, String customId, InferenceRequest request) {

		/** The line as an item of a {@link io.llmfleet.client.batch.FleetBatch}. */
		public BatchItem item() {
			return new BatchItem(this.customId, this.request);
		}

	}

	/**
	 * Reads {@code file}; every request gets {@code batchId} and the id the batch gives
	 * its {@code custom_id} ({@link BatchIds#requestId}).
	 * @throws IllegalArgumentException naming the line, for a line that is not a valid
	 * request
	 */
	public static List<Line> read(Path file, String batchId) throws IOException {
		List<Line> lines = new ArrayList<>();
		Set<String> customIds = new HashSet<>();
		int number = 0;
		for (String text : Files.readAllLines(file)) {
			number++;
			if (text.isBlank()) {
				continue;
			}
			Line line = parse(number, text, batchId);
			if (!customIds.add(line.customId())) {
				throw new IllegalArgumentException(file + " line " + number + ": custom_id '" + line.customId()
						+ "' repeats an earlier line; each must be unique");
			}
			lines.add(line);
		}
		return lines;
	}

	static Line parse(int number, String text, String batchId) {
		JsonNode node;
		try {
			node = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("line " + number + " is not JSON: " + ex.getOriginalMessage());
		}
		String customId = node.path("custom_id").asString("");
		if (customId.isBlank()) {
			throw new IllegalArgumentException("line " + number + " has no custom_id");
		}
		JsonNode body = node.path("body");
		List<ChatMessage> messages = new ArrayList<>();
		for (JsonNode message : body.path("messages")) {
			messages.add(new ChatMessage(message.path("role").asString("user"), message.path("content").asString("")));
		}
		if (messages.isEmpty() && node.hasNonNull("prompt")) {
			messages.add(new ChatMessage("user", node.get("prompt").asString()));
		}
		if (messages.isEmpty()) {
			throw new IllegalArgumentException(
					"line " + number + " (" + customId + ") has neither body.messages nor prompt");
		}
		String model = node.hasNonNull("model") ? node.get("model").asString() : body.path("model").asString(null);
		Map<String, String> metadata = new HashMap<>();
		metadata.put(BatchIds.CUSTOM_ID, customId);
		return new Line(number, customId,
				InferenceRequest.newBuilder()
					.setRequestId(BatchIds.requestId(batchId, customId))
					.setBatchId(batchId)
					.setMessages(messages)
					.setModel((model == null || model.isBlank() || model.equals("auto")) ? null : model)
					.setOptions(options(body))
					.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
					.setMetadata(metadata)
					.build());
	}

	private static GenerationOptions options(JsonNode body) {
		GenerationOptions.Builder options = GenerationOptions.newBuilder();
		if (body.hasNonNull("max_tokens")) {
			options.setMaxTokens(body.get("max_tokens").asInt());
		}
		if (body.hasNonNull("temperature")) {
			options.setTemperature((float) body.get("temperature").asDouble());
		}
		if (body.hasNonNull("top_p")) {
			options.setTopP((float) body.get("top_p").asDouble());
		}
		if (body.hasNonNull("seed")) {
			options.setSeed(body.get("seed").asLong());
		}
		List<String> stop = new ArrayList<>();
		body.path("stop").forEach((value) -> stop.add(value.asString()));
		return options.setStop(stop).build();
	}

}
