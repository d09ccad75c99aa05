package io.llmfleet.classifier.features;

/**
 * How prompts become features; stored in every model file so that a model is always read
 * with the features it was trained on. A model whose {@code featuresVersion} is not the
 * version this code extracts is refused on load.
 *
 * @param featuresVersion the version of the extraction code the model was trained with
 * @param hashBits the hashed n-gram space has {@code 1 << hashBits} buckets
 * @param charMinN the shortest character n-gram
 * @param charMaxN the longest character n-gram
 * @param maxChars longer prompts keep their first three quarters and last quarter of this
 * many characters, so cost is bounded and a question at the end is still seen
 * @param charWeight the L2 norm of the character n-gram block
 * @param wordWeight the L2 norm of the word unigram and bigram block
 * @param leadWeight the value of the features of the prompt's first words
 * @param signalWeight the value of each structural indicator
 * @param lexiconWeight the value of each word-group indicator ({@link Lexicon}): larger
 * values make the model lean on these shared, hand-named groups more than on n-grams
 * @param scriptWeight the factor on n-grams that start with a letter of a script other
 * than Latin: with few training prompts per script, their n-grams mostly learn which data
 * source used the script, so they are damped in favour of the language-neutral signals
 */
public record FeatureSpec(int featuresVersion, int hashBits, int charMinN, int charMaxN, int maxChars, float charWeight,
		float wordWeight, float leadWeight, float signalWeight, float lexiconWeight, float scriptWeight) {

	/**
	 * The version of the extraction code: bump it whenever hashing, normalisation or
	 * signals change, since old models no longer match.
	 */
	public static final int CURRENT_FEATURES_VERSION = 1;

	public FeatureSpec {
		if (hashBits < 8 || hashBits > 24) {
			throw new IllegalArgumentException("hashBits must be within 8..24, was " + hashBits);
		}
		if (charMinN < 1 || charMaxN < charMinN || charMaxN > 8) {
			throw new IllegalArgumentException(
					"character n-grams must satisfy 1 <= min <= max <= 8, were " + charMinN + ".." + charMaxN);
		}
		if (maxChars < 64) {
			throw new IllegalArgumentException("maxChars must be at least 64, was " + maxChars);
		}
	}

	/** The defaults the shipped model is trained with. */
	public static FeatureSpec defaults() {
		return new FeatureSpec(CURRENT_FEATURES_VERSION, 18, 1, 4, 4000, 1.0f, 1.0f, 0.5f, 1.0f, 3.0f, 0.5f);
	}

	/** The number of hashed buckets. */
	public int hashSize() {
		return 1 << this.hashBits;
	}

	/** The whole feature space: hashed buckets followed by the structural slots. */
	public int dimension() {
		return hashSize() + StructuralFeatures.SLOTS;
	}

}
