package io.llmfleet.schemas.serde;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one record held in a byte array, in which every claimed length
 * and item count is checked against the bytes left before anything is allocated. Avro's
 * own decoder allocates a string of the claimed length, or a collection of the claimed
 * size, before reading it, so four corrupt bytes claiming 2 GB or 10^9 items cost an
 * {@code OutOfMemoryError}; here they cost an {@link IOException}. Primitive reads are
 * Avro's (through its unbuffered decoder, so the bytes left are always exact).
 *
 * <p>
 * The item-count check assumes each item takes at least one byte, which holds for every
 * fleet schema (no arrays of {@code null} or of empty records). Not thread-safe; one
 * instance per decode.
 */
final class BoundedBinaryDecoder extends Decoder {

	private final ByteArrayInputStream bytes;

	private final BinaryDecoder in;

	BoundedBinaryDecoder(byte[] data, int offset, int length) {
		this.bytes = new ByteArrayInputStream(data, offset, length);
		this.in = DecoderFactory.get().directBinaryDecoder(this.bytes, null);
	}

	/** The bytes not yet read. */
	int remaining() {
		return this.bytes.available();
	}

	@Override
	public void readNull() throws IOException {
		this.in.readNull();
	}

	@Override
	public boolean readBoolean() throws IOException {
		return this.in.readBoolean();
	}

	@Override
	public int readInt() throws IOException {
		return this.in.readInt();
	}

	@Override
	public long readLong() throws IOException {
		return this.in.readLong();
	}

	@Override
	public float readFloat() throws IOException {
		return this.in.readFloat();
	}

	@Override
	public double readDouble() throws IOException {
		return this.in.readDouble();
	}

	@Override
	public Utf8 readString(Utf8 old) throws IOException {
		int length = length("string");
		Utf8 result = (old != null) ? old : new Utf8();
		result.setByteLength(length);
		this.in.readFixed(result.getBytes(), 0, length);
		return result;
	}

	@Override
	public String readString() throws IOException {
		int length = length("string");
		byte[] utf8 = new byte[length];
		this.in.readFixed(utf8, 0, length);
		return new String(utf8, StandardCharsets.UTF_8);
	}

	@Override
	public void skipString() throws IOException {
		this.in.skipFixed(length("string"));
	}

	@Override
	public ByteBuffer readBytes(ByteBuffer old) throws IOException {
		int length = length("bytes");
		ByteBuffer result = (old != null && length <= old.capacity()) ? old.clear() : ByteBuffer.allocate(length);
		this.in.readFixed(result.array(), result.arrayOffset() + result.position(), length);
		result.limit(length);
		return result;
	}

	@Override
	public void skipBytes() throws IOException {
		this.in.skipFixed(length("bytes"));
	}

	@Override
	public void readFixed(byte[] target, int start, int length) throws IOException {
		this.in.readFixed(target, start, length);
	}

	@Override
	public void skipFixed(int length) throws IOException {
		this.in.skipFixed(length);
	}

	@Override
	public int readEnum() throws IOException {
		return this.in.readEnum();
	}

	@Override
	public long readArrayStart() throws IOException {
		return items("an array", this.in.readArrayStart());
	}

	@Override
	public long arrayNext() throws IOException {
		return items("an array", this.in.arrayNext());
	}

	@Override
	public long skipArray() throws IOException {
		return items("an array", this.in.skipArray());
	}

	@Override
	public long readMapStart() throws IOException {
		return items("a map", this.in.readMapStart());
	}

	@Override
	public long mapNext() throws IOException {
		return items("a map", this.in.mapNext());
	}

	@Override
	public long skipMap() throws IOException {
		return items("a map", this.in.skipMap());
	}

	@Override
	public int readIndex() throws IOException {
		return this.in.readIndex();
	}

	/** Reads a length prefix and refuses one that claims more than the bytes left. */
	private int length(String what) throws IOException {
		long claimed = this.in.readLong();
		if (claimed < 0 || claimed > remaining()) {
			throw new IOException(
					"A " + what + " claims " + claimed + " bytes but only " + remaining() + " are left in the record");
		}
		return (int) claimed;
	}

	private long items(String what, long claimed) throws IOException {
		if (claimed < 0 || claimed > remaining()) {
			throw new IOException(Character.toUpperCase(what.charAt(0)) + what.substring(1) + " block claims " + claimed
					+ " items but only " + remaining() + " bytes are left in the record");
		}
		return claimed;
	}

}
