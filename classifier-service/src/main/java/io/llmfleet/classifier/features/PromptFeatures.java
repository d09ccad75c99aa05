package io.llmfleet.classifier.features;

/**
 * The feature extractor: hashed character and word n-grams of the normalised prompt, then
 * the structural indicators of {@link PromptSignals}. Immutable and thread-safe; it holds
 * only its {@link FeatureSpec}.
 */
public final class PromptFeatures {

	private final FeatureSpec spec;

	public PromptFeatures(FeatureSpec spec) {
		if (spec.featuresVersion() != FeatureSpec.CURRENT_FEATURES_VERSION) {
			throw new IllegalArgumentException("Features version " + spec.featuresVersion()
					+ " is not the version this code extracts (" + FeatureSpec.CURRENT_FEATURES_VERSION + ")");
		}
		this.spec = spec;
	}

	/** The specification these features follow. */
	public FeatureSpec spec() {
		return this.spec;
	}

	/**
	 * Streams the features of {@code prompt} into {@code sink} and returns its signals.
	 */
	public PromptSignals extract(String prompt, FeatureSink sink) {
		NgramFeatures.extract(NormalizedText.of(prompt, this.spec.maxChars()), this.spec, sink);
		PromptSignals signals = PromptSignals.of(prompt, this.spec.maxChars());
		StructuralFeatures.extract(signals, this.spec.hashSize(), this.spec.signalWeight(), this.spec.lexiconWeight(),
				sink);
		return signals;
	}

	/** The features of {@code prompt} as a sparse vector, for training. */
	public SparseVector vector(String prompt) {
		SparseVector.Builder builder = new SparseVector.Builder();
		extract(prompt, builder);
		return builder.build();
	}

}
