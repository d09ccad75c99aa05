package io.llmfleet.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetAvroSerdeTests {

	private static final String TOPIC = "fleet.requests";

	private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

	private final FleetAvroSerializer<InferenceRequest> serializer = new FleetAvroSerializer<>(this.registry);

	private final FleetAvroDeserializer<InferenceRequest> deserializer = new FleetAvroDeserializer<>(this.registry);

	@Test
	void writesMagicByteThenBigEndianSchemaIdThenAvro() {
		this.registry.register("other-value", ChatMessage.getClassSchema());
		byte[] bytes = this.serializer.serialize(TOPIC, request("r-1"));

		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		assertThat(buffer.get()).isEqualTo((byte) 0);
		assertThat(buffer.getInt()).isEqualTo(this.registry.lookup(TOPIC + "-value", InferenceRequest.getClassSchema()))
			.isEqualTo(2);
	}

	@Test
	void roundTripsASpecificRecord() {
		InferenceRequest request = request("r-2");

		InferenceRequest read = this.deserializer.deserialize(TOPIC, this.serializer.serialize(TOPIC, request));

		assertThat(read).isEqualTo(request);
		assertThat(read.getCreatedAt()).isEqualTo(request.getCreatedAt());
	}

	@Test
	void rejectsBytesWithoutTheMagicByte() {
		assertThatThrownBy(() -> this.deserializer.deserialize(TOPIC, "{\"not\":\"avro\"}".getBytes()))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("not the Confluent magic byte 0");
	}

	@Test
	void rejectsPayloadsShorterThanTheHeader() {
		assertThatThrownBy(() -> this.deserializer.deserialize(TOPIC, new byte[] { 0, 0 }))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("fewer than the 5-byte");
	}

	@Test
	void rejectsAnUnknownSchemaIdWithTheId() {
		assertThatThrownBy(() -> this.deserializer.deserialize(TOPIC, new byte[] { 0, 0, 0, 0, 42, 1 }))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("schema id 42");
	}

	@Test
	void rejectsTruncatedAvro() {
		byte[] bytes = this.serializer.serialize(TOPIC, request("r-3"));
		byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);

		assertThatThrownBy(() -> this.deserializer.deserialize(TOPIC, truncated))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("Cannot decode record on " + TOPIC);
	}

	@Test
	void readsRecordsWrittenWithAnOlderSchemaFillingDefaults() throws Exception {
		Schema v0 = new Schema.Parser().parse("""
				{"type":"record","name":"InferenceRequest","namespace":"io.llmfleet.schemas","fields":[
				 {"name":"request_id","type":"string"},
				 {"name":"messages","type":{"type":"array","items":{"type":"record","name":"ChatMessage",
				   "fields":[{"name":"role","type":"string"},{"name":"content","type":"string"}]}}},
				 {"name":"created_at","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
		int id = this.registry.register(TOPIC + "-value", v0);
		GenericRecord message = new GenericData.Record(v0.getField("messages").schema().getElementType());
		message.put("role", "user");
		message.put("content", "hi");
		GenericRecord old = new GenericData.Record(v0);
		old.put("request_id", "old-1");
		old.put("messages", List.of(message));
		old.put("created_at", 1_700_000_000_000L);

		InferenceRequest read = this.deserializer.deserialize(TOPIC, framed(id, v0, old));

		assertThat(read.getRequestId()).isEqualTo("old-1");
		assertThat(read.getAllowFallback()).isTrue();
		assertThat(read.getMetadata()).isEmpty();
		assertThat(read.getCreatedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
	}

	private static byte[] framed(int id, Schema schema, GenericRecord record) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { 0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id });
		BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
		new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
		encoder.flush();
		return out.toByteArray();
	}

	static InferenceRequest request(String id) {
		return InferenceRequest.newBuilder()
			.setRequestId(id)
			.setMessages(List.of(new ChatMessage("user", "Write a haiku about Kafka")))
			.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.setMetadata(Map.of("source", "test"))
			.build();
	}

}
