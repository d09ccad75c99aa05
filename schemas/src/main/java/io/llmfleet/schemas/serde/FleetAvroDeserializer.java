package io.llmfleet.schemas.serde;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.llmfleet.schemas.registry.SchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;

/**
 * Reads Confluent-wire-format Avro into the generated specific class named by the
 * writer's schema, resolving the writer's schema (fetched by id) against the class's own,
 * so records written by older or newer compatible schema versions read cleanly.
 *
 * <p>
 * Bytes it will not turn into a record fail with a {@link PoisonRecordException} (a
 * {@link SerializationException}) whose cause says why: a value over
 * {@value #MAX_RECORD_BYTES_CONFIG} (OVERSIZE, checked before anything else), bytes not
 * in the wire format (NOT_WIRE_FORMAT), a schema id the registry does not know
 * (UNKNOWN_SCHEMA), Avro bytes that do not decode, claim lengths or counts beyond the
 * record, or leave bytes over (UNDECODABLE), and, where {@value #VALUE_TYPE_CONFIG} names
 * the type the consumer reads, a valid record of another type (WRONG_TYPE). Whatever the
 * bytes, a decode takes time and memory linear in their length (a fuzz test holds it to
 * that). A registry that cannot be reached is not poison: that fails with a plain
 * {@link SerializationException} wrapping the {@link SchemaRegistryException}, so a
 * consumer can retry. Wrap this in Spring's {@code ErrorHandlingDeserializer} so a
 * listener survives all of these.
 *
 * @param <T> the record type
 */
public class FleetAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

	/**
	 * The largest value, in bytes, decoded (default 1 MiB); ours, not Confluent's.
	 */
	public static final String MAX_RECORD_BYTES_CONFIG = SerdeConfig.MAX_RECORD_BYTES;

	/**
	 * The generated class a consumer of values reads (Confluent's name for it); a record
	 * of another type fails as WRONG_TYPE. Unset: any generated class.
	 */
	public static final String VALUE_TYPE_CONFIG = "specific.avro.value.type";

	/** As {@link #VALUE_TYPE_CONFIG}, for keys. */
	public static final String KEY_TYPE_CONFIG = "specific.avro.key.type";

	private final Map<Integer, SpecificDatumReader<SpecificRecord>> readersBySchemaId = new ConcurrentHashMap<>();

	private SchemaRegistryClient registry;

	private int maxRecordBytes = SerdeConfig.maxRecordBytes(Map.of());

	private Class<?> expectedType;

	/** For Kafka, which configures the deserializer by reflection. */
	public FleetAvroDeserializer() {
	}

	public FleetAvroDeserializer(SchemaRegistryClient registry) {
		this.registry = registry;
	}

	/**
	 * The {@value #MAX_RECORD_BYTES_CONFIG} a deserializer configured with
	 * {@code configs} applies, for those who size records to fit it.
	 */
	public static int maxRecordBytes(Map<String, ?> configs) {
		return SerdeConfig.maxRecordBytes(configs);
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.maxRecordBytes = SerdeConfig.maxRecordBytes(configs);
		this.expectedType = expectedType(configs, isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG);
		if (this.registry == null) {
			this.registry = SerdeConfig.registryClient(configs);
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public T deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		if (data.length > this.maxRecordBytes) {
			throw PoisonRecordException.oversize(topic, data.length, this.maxRecordBytes);
		}
		ByteBuffer buffer = ByteBuffer.wrap(data);
		int schemaId = ConfluentWireFormat.readSchemaId(buffer, topic);
		SpecificDatumReader<SpecificRecord> reader = this.readersBySchemaId.get(schemaId);
		if (reader == null) {
			reader = readerFor(topic, schemaId);
			this.readersBySchemaId.putIfAbsent(schemaId, reader);
		}
		SpecificRecord record = decode(topic, schemaId, reader, data, buffer.position());
		if (this.expectedType != null && !this.expectedType.isInstance(record)) {
			throw PoisonRecordException.wrongType(topic, schemaId, record, this.expectedType);
		}
		return (T) record;
	}

	private static SpecificRecord decode(String topic, int schemaId, SpecificDatumReader<SpecificRecord> reader,
			byte[] data, int offset) {
		BoundedBinaryDecoder decoder = new BoundedBinaryDecoder(data, offset, data.length - offset);
		SpecificRecord record;
		try {
			record = reader.read(null, decoder);
		}
		catch (EOFException ex) {
			throw PoisonRecordException.undecodable(topic, schemaId,
					"the bytes end before the record its schema describes", ex);
		}
		catch (IOException | RuntimeException ex) {
			String why = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			throw PoisonRecordException.undecodable(topic, schemaId, why, ex);
		}
		if (decoder.remaining() > 0) {
			// Confluent writes exactly one record: bytes left over mean the frame is not
			// what its schema id says.
			throw PoisonRecordException.undecodable(topic, schemaId,
					decoder.remaining() + " bytes left over after the record", null);
		}
		return record;
	}

	private SpecificDatumReader<SpecificRecord> readerFor(String topic, int schemaId) {
		Schema writer;
		try {
			writer = this.registry.getById(schemaId);
		}
		catch (SchemaRegistryException ex) {
			if (ex.isNotFound()) {
				throw PoisonRecordException.unknownSchema(topic, schemaId, "the registry has no such schema", ex);
			}
			throw new SerializationException("Cannot fetch schema id " + schemaId + " for a record on " + topic
					+ " (not poison: retry when the registry answers): " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new SerializationException("Cannot fetch schema id " + schemaId + " for a record on " + topic
					+ " (not poison: retry when the registry answers): " + ex, ex);
		}
		Class<?> type = (writer.getType() == Schema.Type.RECORD) ? SpecificData.get().getClass(writer) : null;
		if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
			throw PoisonRecordException.unknownSchema(topic, schemaId,
					"it names " + writer.getFullName() + ", which no generated class implements", null);
		}
		Schema reader = SpecificData.get().getSchema(type);
		return new SpecificDatumReader<>(writer, reader, (SpecificData) SpecificData.getForSchema(reader));
	}

	private static Class<?> expectedType(Map<String, ?> configs, String key) {
		Object value = configs.get(key);
		if (value instanceof Class<?> type) {
			return requireRecord(key, type);
		}
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		try {
			return requireRecord(key,
					Class.forName(value.toString().trim(), false, FleetAvroDeserializer.class.getClassLoader()));
		}
		catch (ClassNotFoundException ex) {
			throw new ConfigException(key, value, "names no class on the classpath");
		}
	}

	private static Class<?> requireRecord(String key, Class<?> type) {
		if (!SpecificRecord.class.isAssignableFrom(type)) {
			throw new ConfigException(key, type.getName(), "is not a generated Avro specific record class");
		}
		return type;
	}

}
