package io.llmfleet.schemas.serde;

import java.nio.ByteBuffer;

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
	 * @throws PoisonRecordException ({@code NOT_WIRE_FORMAT}) when the bytes are shorter
	 * than the header or do not start with the magic byte
	 */
	public static int readSchemaId(ByteBuffer buffer, String topic) {
		if (buffer.remaining() < HEADER_SIZE) {
			throw PoisonRecordException.notWireFormat(topic,
					"it has " + buffer.remaining() + " bytes, fewer than the 5-byte header (magic byte 0, schema id)");
		}
		byte magic = buffer.get();
		if (magic != MAGIC_BYTE) {
			throw PoisonRecordException.notWireFormat(topic,
					"it starts with byte " + magic + ", not the Confluent magic byte 0");
		}
		return buffer.getInt();
	}

}
