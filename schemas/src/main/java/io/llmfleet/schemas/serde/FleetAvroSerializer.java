package io.llmfleet.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import io.llmfleet.schemas.registry.SchemaRegistryClient;

/**
 * Serializes Avro specific records in the Confluent wire format, registering (or, with
 * {@code auto.register.schemas=false}, looking up) the record's schema under the
 * topic-name subject {@code <topic>-value}.
 *
 * @param <T> the record type
 */
public class FleetAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

	private SchemaRegistryClient registry;

	private boolean autoRegister = true;

	private boolean isKey;

	/** For Kafka, which configures the serializer by reflection. */
	public FleetAvroSerializer() {
	}

	public FleetAvroSerializer(SchemaRegistryClient registry) {
		this.registry = registry;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.isKey = isKey;
		this.autoRegister = SerdeConfig.autoRegister(configs);
		if (this.registry == null) {
			this.registry = SerdeConfig.registryClient(configs);
		}
	}

	@Override
	public byte[] serialize(String topic, T record) {
		if (record == null) {
			return null;
		}
		Schema schema = record.getSchema();
		String subject = SerdeConfig.subject(topic, this.isKey);
		int id = this.autoRegister ? this.registry.register(subject, schema) : this.registry.lookup(subject, schema);
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
		try {
			new SpecificDatumWriter<T>(schema).write(record, encoder);
			encoder.flush();
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("Cannot write " + schema.getFullName() + " for " + topic + ": " + ex, ex);
		}
		return ConfluentWireFormat.header(id, out.size()).put(out.toByteArray()).array();
	}

}
