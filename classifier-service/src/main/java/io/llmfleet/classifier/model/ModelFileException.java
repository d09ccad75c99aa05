package io.llmfleet.classifier.model;

/**
 * A model file that cannot be used: not a model file, a format or features version this
 * code does not read, a checksum mismatch, or tiers the configuration does not know. The
 * message names the file and what to do.
 */
public class ModelFileException extends RuntimeException {

	ModelFileException(String message, Throwable cause) {
		super(message, cause);
	}

	static ModelFileException notAModel(String source) {
		return new ModelFileException(source + " is not a tier model file (wrong magic bytes)", null);
	}

	static ModelFileException unsupportedFormat(String source, int format) {
		return new ModelFileException(source + " has model format " + format + "; this classifier reads format "
				+ ModelFile.FORMAT_VERSION + ": retrain it with this version's 'fleet classifier train'", null);
	}

	static ModelFileException corrupt(String source, String reason, Throwable cause) {
		return new ModelFileException(source + " is corrupt or truncated: " + reason, cause);
	}

	/** The model is valid but does not fit the configured tiers. */
	public static ModelFileException incompatible(String source, String reason) {
		return new ModelFileException(source + " does not fit this fleet: " + reason, null);
	}

}
