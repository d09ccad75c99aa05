package io.llmfleet.classifier.features;

/**
 * Hashed character n-grams, word unigrams and bigrams, and the first words of the prompt.
 * Each block is scaled to the norm its weight gives, counting repeats as distinct, so a
 * long prompt weighs as much as a short one. Han, kana and Thai characters are words of
 * their own, since those scripts write no spaces. N-grams that start with a letter of
 * another script than Latin are damped by {@link FeatureSpec#scriptWeight()}.
 */
final class NgramFeatures {

	private static final int CHAR_NAMESPACE = 0x43484152;

	private static final int WORD_NAMESPACE = 0x574F5244;

	private static final int LEAD_NAMESPACE = 0x4C454144;

	private NgramFeatures() {
	}

	static void extract(NormalizedText text, FeatureSpec spec, FeatureSink sink) {
		chars(text, spec, sink);
		words(text, spec, sink);
	}

	private static void chars(NormalizedText text, FeatureSpec spec, FeatureSink sink) {
		int count = 0;
		for (int n = spec.charMinN(); n <= spec.charMaxN(); n++) {
			count += Math.max(0, text.length - n + 1);
		}
		if (count == 0) {
			return;
		}
		float value = (float) (spec.charWeight() / Math.sqrt(count));
		float foreign = value * spec.scriptWeight();
		char[] chars = text.chars;
		for (int i = 0; i < text.length; i++) {
			float weight = isForeignLetter(chars[i]) ? foreign : value;
			int hash = FeatureHashing.FNV_OFFSET ^ CHAR_NAMESPACE;
			int end = Math.min(text.length, i + spec.charMaxN());
			for (int j = i; j < end; j++) {
				hash = FeatureHashing.extend(hash, chars[j]);
				if (j - i + 1 >= spec.charMinN()) {
					sink.accept(FeatureHashing.bucket(hash, spec.hashBits()), weight);
				}
			}
		}
	}

	private static void words(NormalizedText text, FeatureSpec spec, FeatureSink sink) {
		int[] tokens = new int[text.length + 1];
		boolean[] foreign = new boolean[text.length + 1];
		int count = 0;
		char[] chars = text.chars;
		int hash = 0;
		boolean inWord = false;
		for (int i = 0; i < text.length; i++) {
			char c = chars[i];
			if (isSingleCharWord(c)) {
				if (inWord) {
					tokens[count++] = hash;
					inWord = false;
				}
				foreign[count] = true;
				tokens[count++] = FeatureHashing.extend(FeatureHashing.FNV_OFFSET ^ WORD_NAMESPACE, c);
			}
			else if (isWordChar(c)) {
				if (!inWord) {
					foreign[count] = isForeignLetter(c);
				}
				hash = inWord ? FeatureHashing.extend(hash, c)
						: FeatureHashing.extend(FeatureHashing.FNV_OFFSET ^ WORD_NAMESPACE, c);
				inWord = true;
			}
			else if (inWord) {
				tokens[count++] = hash;
				inWord = false;
			}
		}
		if (inWord) {
			tokens[count++] = hash;
		}
		if (count == 0) {
			return;
		}
		float value = (float) (spec.wordWeight() / Math.sqrt(2 * count - 1));
		float damped = value * spec.scriptWeight();
		int bits = spec.hashBits();
		for (int i = 0; i < count; i++) {
			float weight = foreign[i] ? damped : value;
			sink.accept(FeatureHashing.bucket(tokens[i], bits), weight);
			if (i > 0) {
				sink.accept(FeatureHashing.bucket(FeatureHashing.combine(tokens[i - 1], tokens[i]), bits), weight);
			}
		}
		// The opening words carry the request's intent ("write", "translate", "prove").
		sink.accept(FeatureHashing.bucket(tokens[0] ^ LEAD_NAMESPACE, bits), spec.leadWeight());
		if (count > 1) {
			int lead = FeatureHashing.combine(tokens[0], tokens[1]) ^ LEAD_NAMESPACE;
			sink.accept(FeatureHashing.bucket(lead, bits), spec.leadWeight());
		}
	}

	private static boolean isWordChar(char c) {
		if (Character.isLetterOrDigit(c)) {
			return true;
		}
		int type = Character.getType(c);
		// Indic vowel signs are marks, not letters, yet belong inside the word.
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
	}

	/** A letter of a script other than Latin (digits and punctuation are shared). */
	private static boolean isForeignLetter(char c) {
		return c >= 0x0250 && Character.isLetter(c);
	}

	private static boolean isSingleCharWord(char c) {
		if (c < 0x0E00) {
			return false;
		}
		Script script = Script.of(c);
		return script == Script.HAN || script == Script.KANA || script == Script.THAI;
	}

}
