package io.llmfleet.classifier.cascade;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.llmfleet.classifier.model.ChecksummedFile;
import io.llmfleet.classifier.model.LinearModel;
import io.llmfleet.classifier.model.ModelFileException;

/**
 * The head file: gzip over magic, format version, name, version, tiers, the encoder id,
 * temperature, metadata, biases and the dense weights, then a CRC-32 of everything before
 * it, in the same {@link ChecksummedFile} envelope as the first stage's model file. A
 * file of another format, a bad checksum or a truncated file is refused with a message
 * that names it. Writing is atomic (a temporary file renamed over the target).
 */
public final class HeadFile {

	/** The layout version; bump it when the layout changes. */
	public static final int FORMAT_VERSION = 1;

	private static final int MAX_BYTES = 16 << 20;

	private static final int MAX_CLASSES = 64;

	private static final ChecksummedFile ENVELOPE = new ChecksummedFile("LLMFLEET-CASCADE-HEAD\n", FORMAT_VERSION,
			MAX_BYTES, "cascade head",
			(source, format) -> ModelFileException.unsupported(source,
					"has cascade head format " + format + "; this classifier reads format " + FORMAT_VERSION,
					"retrain it with this version's 'fleet classifier train --cascade-out'"));

	private HeadFile() {
	}

	/** Writes {@code head} to {@code path}, replacing it atomically. */
	public static void write(HeadModel head, Path path) throws IOException {
		ENVELOPE.write(path, (out) -> writeBody(head, out));
	}

	/** Writes {@code head} to {@code stream}, which stays open. */
	public static void write(HeadModel head, OutputStream stream) throws IOException {
		ENVELOPE.write(stream, (out) -> writeBody(head, out));
	}

	private static void writeBody(HeadModel head, DataOutputStream out) throws IOException {
		out.writeUTF(head.name());
		out.writeUTF(head.version());
		out.writeInt(head.tiers().size());
		for (String tier : head.tiers()) {
			out.writeUTF(tier);
		}
		out.writeUTF(head.encoder());
		out.writeInt(head.dimension());
		out.writeDouble(head.temperature());
		// Sorted, so the same head writes the same bytes.
		Map<String, String> metadata = new TreeMap<>(head.metadata());
		out.writeInt(metadata.size());
		for (Map.Entry<String, String> entry : metadata.entrySet()) {
			out.writeUTF(entry.getKey());
			out.writeUTF(entry.getValue());
		}
		LinearModel linear = head.linear();
		for (int c = 0; c < linear.classes(); c++) {
			out.writeFloat(linear.bias(c));
		}
		for (int d = 0; d < linear.dimension(); d++) {
			for (int c = 0; c < linear.classes(); c++) {
				out.writeFloat(linear.weight(d, c));
			}
		}
	}

	/**
	 * Reads the head at a configured location: {@code classpath:...} for the shipped one,
	 * anything else a file path (an optional {@code file:} prefix).
	 */
	public static HeadModel load(String location) throws IOException {
		if (!location.startsWith("classpath:")) {
			return read(Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location));
		}
		String resource = location.substring("classpath:".length());
		resource = resource.startsWith("/") ? resource.substring(1) : resource;
		try (InputStream in = HeadFile.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException("No cascade head at " + location + " (no such classpath resource)");
			}
			return read(in, location);
		}
	}

	/** Reads the head at {@code path}. */
	public static HeadModel read(Path path) throws IOException {
		return ENVELOPE.read(path, (in) -> readBody(in, path.toString()));
	}

	/**
	 * Reads a head from {@code stream}.
	 * @param stream the bytes of a head file
	 * @param source where they come from, for messages
	 * @return the head
	 * @throws ModelFileException when the bytes are not a head this code reads
	 * @throws IOException when reading fails
	 */
	public static HeadModel read(InputStream stream, String source) throws IOException {
		return ENVELOPE.read(stream, source, (in) -> readBody(in, source));
	}

	private static HeadModel readBody(DataInputStream in, String source) throws IOException {
		String name = in.readUTF();
		String version = in.readUTF();
		int classes = in.readInt();
		if (classes < 2 || classes > MAX_CLASSES) {
			throw ModelFileException.corrupt(source, "it names " + classes + " tiers", null);
		}
		List<String> tiers = new ArrayList<>(classes);
		for (int c = 0; c < classes; c++) {
			tiers.add(in.readUTF());
		}
		String encoder = in.readUTF();
		int dimension = in.readInt();
		if (dimension < 1 || (long) dimension * classes * 4 > MAX_BYTES) {
			throw ModelFileException.corrupt(source, "its dimension is " + dimension, null);
		}
		double temperature = in.readDouble();
		int entries = in.readInt();
		if (entries < 0 || entries > 1024) {
			throw ModelFileException.corrupt(source, "it has " + entries + " metadata entries", null);
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		for (int i = 0; i < entries; i++) {
			metadata.put(in.readUTF(), in.readUTF());
		}
		float[] bias = new float[classes];
		for (int c = 0; c < classes; c++) {
			bias[c] = in.readFloat();
		}
		float[] weights = new float[dimension * classes];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = in.readFloat();
		}
		if (in.available() != 0) {
			throw ModelFileException.corrupt(source, in.available() + " bytes follow the weights", null);
		}
		return new HeadModel(name, version, tiers, encoder, new LinearModel(dimension, classes, weights, bias),
				temperature, metadata);
	}

}
