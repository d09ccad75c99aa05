package io.llmfleet.classifier.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads labelled JSONL: one object per line with {@code prompt} and {@code tier}, and
 * optionally {@code id}, {@code category}, {@code language} and {@code source}, as in
 * {@code data/routing-train.jsonl}. A bad line stops the read with its line number.
 */
public final class TrainingData {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TrainingData() {
	}

	/** Every row of {@code file}, in file order. */
	public static List<LabelledPrompt> read(Path file) throws IOException {
		List<LabelledPrompt> rows = new ArrayList<>();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			rows.add(parse(line, file, i + 1));
		}
		if (rows.isEmpty()) {
			throw new IllegalArgumentException(file + " holds no labelled rows");
		}
		return rows;
	}

	/** The SHA-256 of a file, hex, to record what a model was trained on. */
	public static String sha256(Path file) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static LabelledPrompt parse(String line, Path file, int number) {
		JsonNode node;
		try {
			node = JSON.readTree(line);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(file + ":" + number + " is not JSON: " + ex.getOriginalMessage());
		}
		String prompt = text(node, "prompt", null);
		String tier = text(node, "tier", null);
		if (prompt == null || tier == null) {
			throw new IllegalArgumentException(file + ":" + number + " needs both \"prompt\" and \"tier\"");
		}
		return new LabelledPrompt(text(node, "id", "line-" + number), prompt, tier, text(node, "category", "unknown"),
				text(node, "language", "unknown"), text(node, "source", "unknown"));
	}

	private static String text(JsonNode node, String field, String fallback) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? fallback : value.asString();
	}

}
