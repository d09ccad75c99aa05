package io.llmfleet.schemas.serde;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import io.llmfleet.schemas.PoisonCause;

/**
 * The one exception {@link FleetAvroDeserializer} throws for bytes it will not turn into
 * a record: a {@link SerializationException} whose {@link #poisonCause()} says why, so a
 * recoverer can write a POISON dead letter (or, for a record of the wrong type that holds
 * a request, a REJECTED result) without parsing messages. Retrying cannot help: the bytes
 * stay the same. Being expected, it carries no stack trace; it survives the Java
 * serialization Spring Kafka's {@code ErrorHandlingDeserializer} puts it through, the
 * {@link #record() decoded record} included (Avro's generated classes are
 * {@code Externalizable}).
 */
public final class PoisonRecordException extends SerializationException {

	private static final long serialVersionUID = 1L;

	private final PoisonCause poisonCause;

	private final SpecificRecord record;

	private PoisonRecordException(PoisonCause poisonCause, String message, SpecificRecord record, Throwable cause) {
		super(message, cause);
		this.poisonCause = poisonCause;
		this.record = record;
	}

	/** The value is larger than the configured limit; it was not decoded. */
	public static PoisonRecordException oversize(String topic, int size, int limit) {
		return new PoisonRecordException(PoisonCause.OVERSIZE, "Record on " + topic + " is " + size
				+ " bytes, over the " + limit + "-byte limit (" + FleetAvroDeserializer.MAX_RECORD_BYTES_CONFIG + ")",
				null, null);
	}

	/** The bytes are not in the Confluent wire format. */
	public static PoisonRecordException notWireFormat(String topic, String why) {
		return new PoisonRecordException(PoisonCause.NOT_WIRE_FORMAT,
				"Record on " + topic + " is not in the Confluent wire format: " + why, null, null);
	}

	/** The schema id is not in the registry, or names no generated class. */
	public static PoisonRecordException unknownSchema(String topic, int schemaId, String why, Throwable cause) {
		return new PoisonRecordException(PoisonCause.UNKNOWN_SCHEMA,
				"Record on " + topic + " names schema id " + schemaId + ", which cannot be read: " + why, null, cause);
	}

	/** The Avro bytes do not decode against the writer's schema. */
	public static PoisonRecordException undecodable(String topic, int schemaId, String why, Throwable cause) {
		return new PoisonRecordException(PoisonCause.UNDECODABLE,
				"Cannot decode record on " + topic + " with schema id " + schemaId + ": " + why, null, cause);
	}

	/** A valid record of another type than the consumer reads. */
	public static PoisonRecordException wrongType(String topic, int schemaId, SpecificRecord record,
			Class<?> expected) {
		return new PoisonRecordException(
				PoisonCause.WRONG_TYPE, "Record on " + topic + " is a " + record.getSchema().getFullName()
						+ " (schema id " + schemaId + "), not the " + expected.getName() + " this consumer reads",
				record, null);
	}

	/** Why the bytes are poison. */
	public PoisonCause poisonCause() {
		return this.poisonCause;
	}

	/**
	 * The record as decoded, for {@link PoisonCause#WRONG_TYPE}: it may hold a request
	 * whose client can be told.
	 */
	public Optional<SpecificRecord> record() {
		return Optional.ofNullable(this.record);
	}

	@Override
	public synchronized Throwable fillInStackTrace() {
		// Expected and frequent under attack: the message says all, a stack trace costs.
		return this;
	}

}
