package io.llmfleet.classifier.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The model file: gzip over magic, format version, the model in {@link ModelLayout} and a
 * CRC-32 of everything before it (the {@link ChecksummedFile} envelope), so a truncated
 * or half-written file is refused rather than served, and a file of another format or
 * features version is refused by name. Writing is atomic: a temporary file renamed over
 * the target, so a watcher never sees half a model.
 */
public final class ModelFile {

	/** The layout version; bump it when the layout changes. */
	public static final int FORMAT_VERSION = 1;

	/** A model larger than this unpacked is refused: no shipped model comes near it. */
	private static final int MAX_BYTES = 256 << 20;

	private static final ChecksummedFile ENVELOPE = new ChecksummedFile("LLMFLEET-TIER-MODEL\n", FORMAT_VERSION,
			MAX_BYTES, "tier model", ModelFileException::unsupportedFormat);

	private ModelFile() {
	}

	/** Writes {@code model} to {@code path}, replacing it atomically. */
	public static void write(TierModel model, Path path) throws IOException {
		ENVELOPE.write(path, (out) -> ModelLayout.write(model, out));
	}

	/** Writes {@code model} to {@code stream}, which stays open. */
	public static void write(TierModel model, OutputStream stream) throws IOException {
		ENVELOPE.write(stream, (out) -> ModelLayout.write(model, out));
	}

	/** Reads the model at {@code path}. */
	public static TierModel read(Path path) throws IOException {
		return ENVELOPE.read(path, (in) -> ModelLayout.read(in, path.toString()));
	}

	/**
	 * Reads a model from {@code stream}.
	 * @param stream the bytes of a model file
	 * @param source where they come from, for messages
	 * @return the model
	 * @throws ModelFileException when the bytes are not a model this code reads
	 * @throws IOException when reading fails
	 */
	public static TierModel read(InputStream stream, String source) throws IOException {
		return ENVELOPE.read(stream, source, (in) -> ModelLayout.read(in, source));
	}

}
