package io.llmfleet.classifier.model;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The model file: gzip over magic, format version, the model in {@link ModelLayout} and a
 * CRC-32 of everything before it, so a truncated or half-written file is refused rather
 * than served, and a file of another format or features version is refused by name.
 * Writing is atomic: a temporary file renamed over the target, so a watcher never sees
 * half a model.
 */
public final class ModelFile {

	/** The layout version; bump it when the layout changes. */
	public static final int FORMAT_VERSION = 1;

	/** A model larger than this unpacked is refused: no shipped model comes near it. */
	private static final int MAX_BYTES = 256 << 20;

	private static final byte[] MAGIC = "LLMFLEET-TIER-MODEL\n".getBytes(StandardCharsets.US_ASCII);

	private ModelFile() {
	}

	/** Writes {@code model} to {@code path}, replacing it atomically. */
	public static void write(TierModel model, Path path) throws IOException {
		Path parent = path.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			write(model, out);
		}
		try {
			// A temporary file is private to its owner; a model is for every reader.
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: its defaults apply.
		}
		Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Writes {@code model} to {@code stream}, which stays open. */
	public static void write(TierModel model, OutputStream stream) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
		DataOutputStream out = new DataOutputStream(body);
		out.write(MAGIC);
		out.writeInt(FORMAT_VERSION);
		ModelLayout.write(model, out);
		CRC32 crc = new CRC32();
		crc.update(body.toByteArray());
		out.writeLong(crc.getValue());
		GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(stream), 1 << 16);
		body.writeTo(gzip);
		gzip.finish();
		gzip.flush();
	}

	/** Reads the model at {@code path}. */
	public static TierModel read(Path path) throws IOException {
		try (InputStream in = Files.newInputStream(path)) {
			return read(in, path.toString());
		}
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
		byte[] bytes;
		try {
			GZIPInputStream gzip = new GZIPInputStream(new BufferedInputStream(stream, 1 << 16), 1 << 16);
			bytes = gzip.readNBytes(MAX_BYTES + 1);
		}
		catch (ZipException | EOFException ex) {
			throw (ex instanceof EOFException) ? ModelFileException.corrupt(source, "it ends early", ex)
					: ModelFileException.notAModel(source);
		}
		if (bytes.length > MAX_BYTES) {
			throw ModelFileException.corrupt(source, "it unpacks to more than " + MAX_BYTES + " bytes", null);
		}
		if (bytes.length < MAGIC.length + 12 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
			throw ModelFileException.notAModel(source);
		}
		CRC32 crc = new CRC32();
		crc.update(bytes, 0, bytes.length - 8);
		if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
			throw ModelFileException.corrupt(source, "checksum mismatch", null);
		}
		DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length, bytes.length - 8));
		try {
			int format = in.readInt();
			if (format != FORMAT_VERSION) {
				throw ModelFileException.unsupportedFormat(source, format);
			}
			return ModelLayout.read(in, source);
		}
		catch (EOFException ex) {
			throw ModelFileException.corrupt(source, "it ends early", ex);
		}
		catch (IllegalArgumentException ex) {
			throw ModelFileException.corrupt(source, ex.getMessage(), ex);
		}
	}

	/** Lets the gzip stream finish without closing the caller's stream. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}

	}

}
