package io.llmfleet.classifier.model;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
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
import java.util.function.BiFunction;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The envelope shared by the classifier's model files: gzip over magic bytes, a format
 * version, a body the caller lays out and a CRC-32 of everything before it. Reading
 * refuses a file of another kind, another format version, one that unpacks past a size
 * limit, a bad checksum or a truncated body, each with a {@link ModelFileException} that
 * names the file. Writing to a path is atomic (a temporary file renamed over the target),
 * so a watcher never sees half a file. Instances are immutable and thread-safe.
 */
public final class ChecksummedFile {

	private final byte[] magic;

	private final int formatVersion;

	private final int maxBytes;

	private final String kind;

	private final BiFunction<String, Integer, ModelFileException> unsupportedFormat;

	/**
	 * An envelope of one kind of file.
	 * @param magic the first bytes of every file of this kind
	 * @param formatVersion the layout version written, and the only one read
	 * @param maxBytes the most bytes a file may unpack to
	 * @param kind what the file is, for the message that refuses another kind
	 * @param unsupportedFormat the error for a file of this kind but another format
	 * version, given the source and that version
	 */
	public ChecksummedFile(String magic, int formatVersion, int maxBytes, String kind,
			BiFunction<String, Integer, ModelFileException> unsupportedFormat) {
		this.magic = magic.getBytes(StandardCharsets.US_ASCII);
		this.formatVersion = formatVersion;
		this.maxBytes = maxBytes;
		this.kind = kind;
		this.unsupportedFormat = unsupportedFormat;
	}

	/** Writes the body {@code body} lays out to {@code path}, replacing it atomically. */
	public void write(Path path, BodyWriter body) throws IOException {
		Path parent = path.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			write(out, body);
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

	/** Writes the body {@code body} lays out to {@code stream}, which stays open. */
	public void write(OutputStream stream, BodyWriter body) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
		DataOutputStream out = new DataOutputStream(bytes);
		out.write(this.magic);
		out.writeInt(this.formatVersion);
		body.write(out);
		out.flush();
		CRC32 crc = new CRC32();
		crc.update(bytes.toByteArray());
		out.writeLong(crc.getValue());
		out.flush();
		GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(stream), 1 << 16);
		bytes.writeTo(gzip);
		gzip.finish();
		gzip.flush();
	}

	/** Reads the file at {@code path}, its body with {@code body}. */
	public <T> T read(Path path, BodyReader<T> body) throws IOException {
		try (InputStream in = Files.newInputStream(path)) {
			return read(in, path.toString(), body);
		}
	}

	/**
	 * Reads a file from {@code stream}, its body with {@code body}.
	 * @param <T> what the body holds
	 * @param stream the bytes of a file of this kind
	 * @param source where they come from, for messages
	 * @param body reads the body; it may throw {@link EOFException} or
	 * {@link IllegalArgumentException} for a corrupt body
	 * @return what {@code body} read
	 * @throws ModelFileException when the bytes are not a file this code reads
	 * @throws IOException when reading fails
	 */
	public <T> T read(InputStream stream, String source, BodyReader<T> body) throws IOException {
		byte[] bytes;
		try {
			GZIPInputStream gzip = new GZIPInputStream(new BufferedInputStream(stream, 1 << 16), 1 << 16);
			bytes = gzip.readNBytes(this.maxBytes + 1);
		}
		catch (ZipException | EOFException ex) {
			throw (ex instanceof EOFException) ? ModelFileException.corrupt(source, "it ends early", ex)
					: ModelFileException.notA(source, this.kind);
		}
		if (bytes.length > this.maxBytes) {
			throw ModelFileException.corrupt(source, "it unpacks to more than " + this.maxBytes + " bytes", null);
		}
		if (bytes.length < this.magic.length + 12
				|| !Arrays.equals(Arrays.copyOf(bytes, this.magic.length), this.magic)) {
			throw ModelFileException.notA(source, this.kind);
		}
		CRC32 crc = new CRC32();
		crc.update(bytes, 0, bytes.length - 8);
		if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
			throw ModelFileException.corrupt(source, "checksum mismatch", null);
		}
		DataInputStream in = new DataInputStream(
				new ByteArrayInputStream(bytes, this.magic.length, bytes.length - 8 - this.magic.length));
		try {
			int format = in.readInt();
			if (format != this.formatVersion) {
				throw this.unsupportedFormat.apply(source, format);
			}
			return body.read(in);
		}
		catch (EOFException ex) {
			throw ModelFileException.corrupt(source, "it ends early", ex);
		}
		catch (IllegalArgumentException ex) {
			throw ModelFileException.corrupt(source, ex.getMessage(), ex);
		}
	}

	/** Lays out a body after the magic bytes and format version. */
	@FunctionalInterface
	public interface BodyWriter {

		/** Writes the body to {@code out}. */
		void write(DataOutputStream out) throws IOException;

	}

	/**
	 * Reads a body: the bytes between the format version and the checksum, and no more.
	 */
	@FunctionalInterface
	public interface BodyReader<T> {

		/** Reads the body from {@code in}. */
		T read(DataInputStream in) throws IOException;

	}

	/** Lets the gzip stream finish without closing the caller's stream. */
	private static final class NonClosing extends FilterOutputStream {

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
