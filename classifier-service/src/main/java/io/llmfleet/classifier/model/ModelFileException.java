package io.llmfleet.classifier.model;

/**
 * A model file (the first stage's, or the cascade's head) that cannot be used: not a file
 * of its kind, a format or features version this code does not read, a checksum mismatch,
 * or tiers or an encoder the configuration does not have. The message names the file and
 * what to do.
 */
public class ModelFileException extends RuntimeException {

	ModelFileException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The bytes are not a file of this kind at all. */
	public static ModelFileException notA(String source, String kind) {
		return new ModelFileException(source + " is not a " + kind + " file (wrong magic bytes)", null);
	}

	/**
	 * A file of a kind this code reads, but of another version: what to do says how to
	 * fix it.
	 */
	public static ModelFileException unsupported(String source, String reason, String whatToDo) {
		return new ModelFileException(source + " " + reason + ": " + whatToDo, null);
	}

	static ModelFileException unsupportedFormat(String source, int format) {
		return new ModelFileException(source + " has model format " + format + "; this classifier reads format "
				+ ModelFile.FORMAT_VERSION + ": retrain it with this version's 'fleet classifier train'", null);
	}

	/** The file is damaged: truncated, a bad checksum or impossible values. */
	public static ModelFileException corrupt(String source, String reason, Throwable cause) {
		return new ModelFileException(source + " is corrupt or truncated: " + reason, cause);
	}

	/** The model is valid but does not fit the configured tiers. */
	public static ModelFileException incompatible(String source, String reason) {
		return new ModelFileException(source + " does not fit this fleet: " + reason, null);
	}

}
