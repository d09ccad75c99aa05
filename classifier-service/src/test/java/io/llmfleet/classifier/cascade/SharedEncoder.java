package io.llmfleet.classifier.cascade;

/**
 * The sentence encoder loaded once for every test in the run (loading it takes about a
 * second); closed when the JVM exits.
 */
public final class SharedEncoder {

	private static SentenceEncoder encoder;

	private SharedEncoder() {
	}

	/** The bundled encoder with the default token limit. */
	public static synchronized SentenceEncoder get() {
		if (encoder == null) {
			encoder = SentenceEncoder.load(SentenceEncoder.DEFAULT_MAX_TOKENS);
			Runtime.getRuntime().addShutdownHook(new Thread(encoder::close));
		}
		return encoder;
	}

}
