package io.llmfleet.schemas.serde;

import java.nio.ByteBuffer;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent framing around an Avro payload: one magic byte (0), then the schema's
 * global id as a 4-byte big-endian integer, then the Avro binary encoding of the record.
 */
public final class ConfluentWireFormat {

	/** The only magic byte Confluent's serializers write. */
	public static final byte MAGIC_BYTE = 0;

	/** Magic byte plus schema id. */
	public static final int HEADER_SIZE = 5;

	private ConfluentWireFormat() {
	}

	/** Writes the header for {@code schemaId} into the start of a new payload buffer. */
	static ByteBuffer header(int schemaId, int payloadSize) {
		return ByteBuffer.allocate(HEADER_SIZE + payloadSize).put(MAGIC_BYTE).putInt(schemaId);
	}

	/**
	 * Reads the schema id from a framed payload, leaving the buffer at the start of the
	 * Avro bytes.
	 * @throws SerializationException when the bytes are not in the Confluent wire format
	 */
	public static int readSchemaId(ByteBuffer buffer, String topic) {
		if (buffer.remaining() < HEADER_SIZE) {
			throw new SerializationException("Record on " + topic + " has " + buffer.remaining()
					+ " bytes, fewer than the 5-byte Confluent wire-format header");
		}
		byte magic = buffer.get();
		if (magic != MAGIC_BYTE) {
			throw new SerializationException(
					"Record on " + topic + " starts with byte " + magic + ", not the Confluent magic byte 0");
		}
		return buffer.getInt();
	}

}
