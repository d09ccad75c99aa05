package io.llmfleet.embedded.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.registry.RestSchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schema evolution of {@link InferenceRequest} under BACKWARD compatibility with the real
 * registry and the real serde: a newer client's records read by today's consumer, today's
 * records read by a newer reader, and incompatible changes refused at registration with a
 * message naming the field. Each test uses its own topic, so its own subject.
 */
@ExtendWith(SharedBroker.class)
class SchemaEvolutionIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Schema V1 = InferenceRequest.getClassSchema();

	/** What a newer client adds: an optional field with a default. */
	private static final Schema V2 = withField(V1,
			"{\"name\":\"queue_hint\",\"type\":[\"string\",\"null\"],\"default\":\"standard\"}");

	private static EmbeddedSchemaRegistry registry;

	@BeforeAll
	static void start(EmbeddedKafkaBroker broker) {
		registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, "_schemas_evolution_it");
	}

	@AfterAll
	static void stop() {
		registry.close();
	}

	@Test
	void aNewerClientsRecordIsReadByTheCurrentConsumer() {
		String topic = "evolution.newer-writer";
		InferenceRequest current = request("v1-first");
		serializer(Map.of()).serialize(topic, current);
		int v2Id = client().register(topic + "-value", V2);

		GenericRecord written = new GenericRecordBuilder(V2).set("request_id", "from-v2")
			.set("messages", List.of(message(V2, "user", "written by a newer client")))
			.set("created_at", current.getCreatedAt().toEpochMilli())
			.set("priority", 7)
			.set("queue_hint", "bulk")
			.build();

		InferenceRequest read = deserializer().deserialize(topic, framed(v2Id, V2, written));

		assertThat(read.getRequestId()).isEqualTo("from-v2");
		assertThat(read.getMessages()).containsExactly(new ChatMessage("user", "written by a newer client"));
		assertThat(read.getPriority()).isEqualTo(7);
		assertThat(read.getCreatedAt()).isEqualTo(current.getCreatedAt());
		assertThat(read.getAllowFallback()).isTrue();
	}

	@Test
	void aCurrentRecordReadByANewerReaderGetsTheDefault() throws IOException {
		String topic = "evolution.newer-reader";
		byte[] bytes = serializer(Map.of()).serialize(topic, request("v1-record"));
		client().register(topic + "-value", V2);

		int writerId = ByteBuffer.wrap(bytes, 1, 4).getInt();
		Schema writer = client().getById(writerId);
		GenericRecord read = new GenericDatumReader<GenericRecord>(writer, V2).read(null,
				DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));

		assertThat(read.get("request_id")).hasToString("v1-record");
		assertThat(read.get("queue_hint")).hasToString("standard");
	}

	@Test
	void anAddedRequiredFieldIsRefusedWith409NamingIt() {
		String subject = "evolution.required-value";
		client().register(subject, V1);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(
					() -> client().register(subject, withField(V1, "{\"name\":\"cost_center\",\"type\":\"string\"}")))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(409))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(409))
			.withMessageContaining("field: 'cost_center'")
			.withMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
			.withMessageContaining("has no default value");
	}

	@Test
	void aChangedFieldTypeIsRefusedWith409NamingIt() {
		String subject = "evolution.retyped-value";
		client().register(subject, V1);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client().register(subject, withFieldType(V1, "priority", "\"string\"")))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(409))
			.withMessageContaining("field: 'priority'")
			.withMessageContaining("TYPE_MISMATCH");
	}

	@Test
	void useLatestVersionWritesWithTheNewerSchemaWhichBothReadersRead() throws IOException {
		String topic = "evolution.latest";
		client().register(topic + "-value", V1);
		int v2Id = client().register(topic + "-value", V2);

		byte[] bytes = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"))
			.serialize(topic, request("latest-1"));

		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2Id);
		assertThat(deserializer().deserialize(topic, bytes).getRequestId()).isEqualTo("latest-1");
		GenericRecord asV2 = new GenericDatumReader<GenericRecord>(V2).read(null,
				DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
		assertThat(asV2.get("queue_hint")).hasToString("standard");
	}

	@Test
	void withoutAutoRegisterAnUnknownSubjectOrSchemaFailsClearly() {
		FleetAvroSerializer<InferenceRequest> strict = serializer(Map.of("auto.register.schemas", "false"));
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> strict.serialize("evolution.unregistered", request("r-1")))
			.withMessageContaining("auto.register.schemas=false")
			.satisfies((ex) -> assertThat(((SchemaRegistryException) ex.getCause()).errorCode()).isEqualTo(40401));

		client().register("evolution.only-v2-value", V2);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> strict.serialize("evolution.only-v2", request("r-2")))
			.satisfies((ex) -> assertThat(((SchemaRegistryException) ex.getCause()).errorCode()).isEqualTo(40403));
	}

	private static RestSchemaRegistryClient client() {
		return new RestSchemaRegistryClient(registry.url());
	}

	private static FleetAvroSerializer<InferenceRequest> serializer(Map<String, String> settings) {
		FleetAvroSerializer<InferenceRequest> serializer = new FleetAvroSerializer<>();
		Map<String, Object> configs = new HashMap<>(settings);
		configs.put("schema.registry.url", registry.url());
		serializer.configure(configs, false);
		return serializer;
	}

	private static FleetAvroDeserializer<InferenceRequest> deserializer() {
		FleetAvroDeserializer<InferenceRequest> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(Map.of("schema.registry.url", registry.url()), false);
		return deserializer;
	}

	private static InferenceRequest request(String id) {
		return InferenceRequest.newBuilder()
			.setRequestId(id)
			.setMessages(List.of(new ChatMessage("user", "Summarise the release notes")))
			.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.build();
	}

	private static GenericRecord message(Schema request, String role, String content) {
		GenericData.Record message = new GenericData.Record(request.getField("messages").schema().getElementType());
		message.put("role", role);
		message.put("content", content);
		return message;
	}

	/** The Confluent framing of a record written with a generic writer. */
	private static byte[] framed(int id, Schema schema, GenericRecord record) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
			encoder.flush();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Schema withField(Schema base, String fieldJson) {
		ObjectNode schema = (ObjectNode) JSON.readTree(base.toString());
		((ArrayNode) schema.get("fields")).add(JSON.readTree(fieldJson));
		return new Schema.Parser().parse(schema.toString());
	}

	private static Schema withFieldType(Schema base, String field, String typeJson) {
		ObjectNode schema = (ObjectNode) JSON.readTree(base.toString());
		for (JsonNode candidate : schema.get("fields")) {
			if (candidate.path("name").asString().equals(field)) {
				ObjectNode edited = (ObjectNode) candidate;
				edited.set("type", JSON.readTree(typeJson));
				edited.remove("default");
			}
		}
		return new Schema.Parser().parse(schema.toString());
	}

}
