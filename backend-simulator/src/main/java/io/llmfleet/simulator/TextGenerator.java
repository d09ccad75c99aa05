package io.llmfleet.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes up deterministic answers: a sentence quoting the first words of the prompt, then
 * pseudo-words, {@code naturalLength} tokens in all unless the request caps it sooner.
 * The same prompt and seed always give the same answer, so tests can assert on output and
 * replays reproduce it. Thread-safe: it holds no mutable state.
 */
public final class TextGenerator {

	private static final int QUOTED_WORDS = 6;

	// short words only, so each is a single token and streamed chunks read as whole words
	private static final List<String> VOCABULARY = List.of("the", "a", "data", "flow", "node", "fast", "path", "load",
			"fit", "gpu", "term", "set", "map", "key", "rate", "time", "step", "plan", "unit", "mode", "core", "byte",
			"link", "tier", "edge", "fair", "safe", "warm", "cold", "lane", "pool", "run", "test", "case", "sum",
			"mean", "peak", "low", "high", "most", "each", "then", "so", "and", "or", "but", "with", "from", "into",
			"over", "near", "far", "when", "why", "how", "who", "new", "old", "good", "true", "late", "soon", "may",
			"will");

	private final int naturalLength;

	/**
	 * Creates a generator.
	 * @param naturalLength tokens in an answer that no cap cuts short
	 */
	public TextGenerator(int naturalLength) {
		if (naturalLength <= 0) {
			throw new IllegalArgumentException("naturalLength must be positive but was " + naturalLength);
		}
		this.naturalLength = naturalLength;
	}

	/**
	 * Generates the answer to a request.
	 * @param request prompt, seed, cap and stop sequences
	 * @return the answer, {@link FinishReason#LENGTH} when the cap cut it, otherwise
	 * {@link FinishReason#STOP}
	 */
	public Completion generate(GenerationRequest request) {
		boolean capped = request.maxTokens() > 0 && request.maxTokens() < this.naturalLength;
		int length = capped ? request.maxTokens() : this.naturalLength;
		List<String> tokens = Tokens.split(text(request, length));
		tokens = tokens.subList(0, Math.min(length, tokens.size()));
		String answer = String.join("", tokens);
		int stopAt = firstStop(answer, request.stop());
		if (stopAt >= 0) {
			return new Completion(Tokens.split(answer.substring(0, stopAt)), FinishReason.STOP);
		}
		return new Completion(tokens, capped ? FinishReason.LENGTH : FinishReason.STOP);
	}

	private static String text(GenerationRequest request, int length) {
		SplittableRandom random = new SplittableRandom(
				request.prompt().hashCode() * 0x9E3779B97F4A7C15L ^ request.seed());
		StringBuilder text = new StringBuilder("Simulated answer to \"").append(quote(request.quote())).append("\":");
		int tokens = Tokens.count(text.toString());
		int sentenceLeft = 0;
		// each pass adds one word token, plus a full stop at sentence ends, so stop once
		// enough
		while (tokens < length) {
			String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
			if (sentenceLeft == 0) {
				word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
				sentenceLeft = 5 + random.nextInt(8);
			}
			text.append(' ').append(word);
			tokens++;
			sentenceLeft--;
			if (sentenceLeft == 0) {
				text.append('.');
				tokens++;
			}
		}
		return text.toString();
	}

	private static String quote(String prompt) {
		String[] words = prompt.replace('"', '\'').trim().split("\\s+");
		String quoted = String.join(" ", Arrays.asList(words).subList(0, Math.min(QUOTED_WORDS, words.length)));
		return quoted.isEmpty() ? "your message" : quoted;
	}

	private static int firstStop(String answer, List<String> stops) {
		int first = -1;
		for (String stop : stops) {
			int at = stop.isEmpty() ? -1 : answer.indexOf(stop);
			if (at >= 0 && (first < 0 || at < first)) {
				first = at;
			}
		}
		return first;
	}

}
