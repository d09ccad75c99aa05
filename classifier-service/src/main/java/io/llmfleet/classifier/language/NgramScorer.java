package io.llmfleet.classifier.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.pemistahl.lingua.api.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores text against Lingua's own letter trigram statistics the way Lingua's
 * low-accuracy mode does: the sum of the log probabilities of the text's distinct
 * trigrams of three letters, each backing off to its first two letters, then its first
 * letter, where a language has never seen it; the highest sum wins, a tie decides
 * nothing. The statistics come from the model files in Lingua's jar
 * ({@code language-models/<code>/trigrams.json}, {@code bigrams.json},
 * {@code unigrams.json}), loaded once into three {@link NgramTable}s, so a text costs one
 * look-up per trigram for all languages together instead of Lingua's regular expressions,
 * string keys and per-language maps: about 2 us where Lingua takes about 200 us, with the
 * same answers but for a few in a hundred. Lingua's rules for unique characters are left
 * out. Immutable and thread-safe.
 */
final class NgramScorer {

	private static final String[] FILES = { "unigrams", "bigrams", "trigrams" };

	private final List<String> languages;

	/** Unigrams, bigrams and trigrams, in that order. */
	private final NgramTable[] tables = new NgramTable[3];

	/**
	 * Loads the statistics of {@code languages}.
	 * @param languages ISO 639-1 codes Lingua 1.2.2 has models for
	 * @throws IllegalStateException when a model file is missing from Lingua's jar
	 */
	NgramScorer(List<String> languages) {
		this.languages = List.copyOf(languages);
		JsonMapper json = JsonMapper.builder().build();
		for (int n = 1; n <= 3; n++) {
			Map<Long, float[]> ngrams = new HashMap<>();
			for (int l = 0; l < languages.size(); l++) {
				read(json, languages.get(l), n, l, ngrams);
			}
			this.tables[n - 1] = new NgramTable(ngrams, languages.size());
		}
	}

	private void read(JsonMapper json, String language, int n, int index, Map<Long, float[]> ngrams) {
		String resource = "language-models/" + language + "/" + FILES[n - 1] + ".json";
		try (InputStream in = Language.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Lingua's jar has no " + resource);
			}
			// {"language": "ENGLISH", "ngrams": {"3553/58397": "cca ...", ...}}: a
			// relative
			// frequency, then the n-grams that have it.
			for (Map.Entry<String, JsonNode> entry : json.readTree(in).get("ngrams").properties()) {
				String fraction = entry.getKey();
				int slash = fraction.indexOf('/');
				float logProbability = (float) Math.log(Double.parseDouble(fraction.substring(0, slash))
						/ Double.parseDouble(fraction.substring(slash + 1)));
				for (String ngram : entry.getValue().asString().split(" ")) {
					if (ngram.length() == n) {
						ngrams.computeIfAbsent(NgramTable.pack(ngram),
								(key) -> new float[this.languages.size()])[index] = logProbability;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource + " from Lingua's jar", ex);
		}
	}

	/**
	 * The language whose statistics fit {@code text[0, length)} (lower case) best, or
	 * {@code null} when it has no trigram of letters or two languages tie.
	 */
	String best(char[] text, int length) {
		int count = this.languages.size();
		double[] sums = new double[count];
		long[] seen = new long[Integer.highestOneBit(Math.max(length, 8)) * 4];
		for (int i = 0; i + 3 <= length; i++) {
			if (!Character.isLetter(text[i]) || !Character.isLetter(text[i + 1]) || !Character.isLetter(text[i + 2])) {
				continue;
			}
			long trigram = NgramTable.pack(text, i, 3);
			if (!firstTime(seen, trigram)) {
				continue;
			}
			int three = this.tables[2].find(trigram);
			int two = -2;
			int one = -2;
			for (int l = 0; l < count; l++) {
				float logProbability = (three >= 0) ? this.tables[2].value(three, l) : 0;
				if (logProbability == 0) {
					two = (two == -2) ? this.tables[1].find(trigram >>> 16) : two;
					logProbability = (two >= 0) ? this.tables[1].value(two, l) : 0;
				}
				if (logProbability == 0) {
					one = (one == -2) ? this.tables[0].find(trigram >>> 32) : one;
					logProbability = (one >= 0) ? this.tables[0].value(one, l) : 0;
				}
				sums[l] += logProbability;
			}
		}
		int best = -1;
		boolean tie = false;
		for (int l = 0; l < count; l++) {
			// A language that knows none of the text's letters has no say (sum 0).
			if (sums[l] < 0 && (best < 0 || sums[l] >= sums[best])) {
				tie = best >= 0 && sums[l] == sums[best];
				best = l;
			}
		}
		return (best < 0 || tie) ? null : this.languages.get(best);
	}

	/**
	 * Adds {@code trigram} to the open-addressing set {@code seen}; false if it was
	 * there.
	 */
	private static boolean firstTime(long[] seen, long trigram) {
		int mask = seen.length - 1;
		int slot = (int) NgramTable.mix(trigram) & mask;
		while (seen[slot] != 0) {
			if (seen[slot] == trigram) {
				return false;
			}
			slot = (slot + 1) & mask;
		}
		seen[slot] = trigram;
		return true;
	}

}
