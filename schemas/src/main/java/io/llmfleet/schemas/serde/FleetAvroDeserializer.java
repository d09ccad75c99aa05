package io.llmfleet.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import io.llmfleet.schemas.registry.SchemaRegistryClient;

/**
 * Reads Confluent-wire-format Avro into the generated specific class named by the
 * writer's schema, resolving the writer's schema (fetched by id) against the class's own,
 * so records written by older or newer compatible schema versions read cleanly. Bytes
 * that are not in the wire format, or name an unknown id or class, fail with a
 * {@link SerializationException} that says why; wrap this in Spring's
 * {@code ErrorHandlingDeserializer} so a listener survives them.
 *
 * @param <T> the record type
 */
public class FleetAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

	private final Map<Integer, SpecificDatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

	private SchemaRegistryClient registry;

	/** For Kafka, which configures the deserializer by reflection. */
	public FleetAvroDeserializer() {
	}

	public FleetAvroDeserializer(SchemaRegistryClient registry) {
		this.registry = registry;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		if (this.registry == null) {
			this.registry = SerdeConfig.registryClient(configs);
		}
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		if (data == null) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.wrap(data);
		int schemaId = ConfluentWireFormat.readSchemaId(buffer, topic);
		SpecificDatumReader<T> reader = this.readersBySchemaId.computeIfAbsent(schemaId, this::readerFor);
		BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, buffer.position(), buffer.remaining(), null);
		try {
			return reader.read(null, decoder);
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException(
					"Cannot decode record on " + topic + " with schema id " + schemaId + ": " + ex, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private SpecificDatumReader<T> readerFor(int schemaId) {
		Schema writer;
		try {
			writer = this.registry.getById(schemaId);
		}
		catch (RuntimeException ex) {
			throw new SerializationException("Cannot fetch schema id " + schemaId + ": " + ex.getMessage(), ex);
		}
		Class<?> type = SpecificData.get().getClass(writer);
		if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
			throw new SerializationException("Schema id " + schemaId + " names " + writer.getFullName()
					+ ", which no generated class implements");
		}
		Schema reader = SpecificData.get().getSchema(type);
		return new SpecificDatumReader<>(writer, reader, (SpecificData) SpecificData.getForSchema(reader));
	}

}
