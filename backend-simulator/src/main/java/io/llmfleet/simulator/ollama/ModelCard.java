package io.llmfleet.simulator.ollama;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulator pretends to know about a pulled model, derived from its name alone
 * so it is stable across runs: {@code qwen2.5-coder:7b} is a 7B {@code qwen} model, 4.2
 * GB on disk at Q4_K_M and about 5 GB in VRAM once loaded, with a digest hashed from its
 * name.
 *
 * @param name the canonical name, always with a tag ({@code llama3.2:latest})
 * @param size bytes on disk (the weights)
 * @param vramSize bytes the loaded model takes in VRAM (weights, KV cache and compute
 * buffers), reported by {@code /api/ps} as {@code size} and {@code size_vram}
 * @param digest 64 hex characters
 * @param details format, family, parameter size and quantization
 */
record ModelCard(String name, long size, long vramSize, String digest, OllamaApi.Details details) {

	private static final Pattern PARAMETERS = Pattern.compile("(\\d+(?:\\.\\d+)?)b", Pattern.CASE_INSENSITIVE);

	private static final Pattern FAMILY = Pattern.compile("^[a-z]+", Pattern.CASE_INSENSITIVE);

	// Q4_K_M stores about 4.85 bits per weight
	private static final double BYTES_PER_PARAMETER = 0.6;

	// a loaded model also holds its KV cache (4096-token context) and compute buffers
	private static final double VRAM_PER_WEIGHT_BYTE = 1.2;

	/**
	 * The name Ollama stores a model under: a missing tag means {@code latest}.
	 * @param name a name as a client wrote it
	 * @return the name with a tag
	 */
	static String canonical(String name) {
		String base = name.substring(name.lastIndexOf('/') + 1);
		return base.contains(":") ? name : name + ":latest";
	}

	/**
	 * Builds the card of a configured model with the VRAM size derived from its name.
	 * @param configuredName the name as configured
	 * @return its card
	 */
	static ModelCard of(String configuredName) {
		return of(configuredName, 0);
	}

	/**
	 * Builds the card of a configured model.
	 * @param configuredName the name as configured
	 * @param vramSize bytes the loaded model takes in VRAM, 0 to derive it from the
	 * parameter count
	 * @return its card
	 */
	static ModelCard of(String configuredName, long vramSize) {
		String name = canonical(configuredName);
		String base = name.substring(name.lastIndexOf('/') + 1);
		Matcher size = PARAMETERS.matcher(base.substring(base.indexOf(':')));
		if (!size.find()) {
			// no size in the tag: try the name itself (llama3.1-8b:latest), else assume
			// 7B
			size = PARAMETERS.matcher(base);
		}
		double billions = size.find(0) ? Double.parseDouble(size.group(1)) : 7;
		Matcher family = FAMILY.matcher(base);
		String familyName = family.find() ? family.group().toLowerCase(Locale.ROOT) : "llama";
		String parameterSize = String.format(Locale.ROOT, "%.1fB", billions);
		OllamaApi.Details details = new OllamaApi.Details("", "gguf", familyName, List.of(familyName), parameterSize,
				"Q4_K_M");
		long weights = Math.round(billions * 1e9 * BYTES_PER_PARAMETER);
		long vram = (vramSize > 0) ? vramSize : Math.round(weights * VRAM_PER_WEIGHT_BYTE);
		return new ModelCard(name, weights, vram, sha256(name), details);
	}

	private static String sha256(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

}
