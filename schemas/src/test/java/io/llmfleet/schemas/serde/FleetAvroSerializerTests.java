package io.llmfleet.schemas.serde;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.registry.SchemaRegistryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FleetAvroSerializerTests {

	private static final String TOPIC = "fleet.requests";

	private static final String SUBJECT = TOPIC + "-value";

	private static final Schema V1 = InferenceRequest.getClassSchema();

	/** V1 plus an optional field with a default: what a newer client would register. */
	private static final Schema V2 = withField(V1,
			"{\"name\":\"queue_hint\",\"type\":[\"string\",\"null\"],\"default\":\"standard\"}");

	/** V1 plus a required field: a latest version that cannot read V1 records. */
	private static final Schema V2_REQUIRED = withField(V1, "{\"name\":\"queue_hint\",\"type\":\"string\"}");

	private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

	@Test
	void topicNameStrategyIsTheDefaultForValuesAndKeys() {
		serializer(Map.of(), false).serialize(TOPIC, FleetAvroSerdeTests.request("r-1"));
		serializer(Map.of(), true).serialize(TOPIC, FleetAvroSerdeTests.request("r-2"));

		assertThat(this.registry.subjects()).containsExactlyInAnyOrder(SUBJECT, TOPIC + "-key");
	}

	@Test
	void recordNameStrategyIsChosenByConfluentClassName() {
		serializer(Map.of("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
				false)
			.serialize(TOPIC, FleetAvroSerdeTests.request("r-3"));

		assertThat(this.registry.subjects()).containsExactly("io.llmfleet.schemas.InferenceRequest");
	}

	@Test
	void topicRecordNameStrategyIsChosenBySimpleNameForKeys() {
		serializer(Map.of("key.subject.name.strategy", "TopicRecordNameStrategy", "value.subject.name.strategy",
				"RecordNameStrategy"), true)
			.serialize(TOPIC, FleetAvroSerdeTests.request("r-4"));

		assertThat(this.registry.subjects()).containsExactly(TOPIC + "-io.llmfleet.schemas.InferenceRequest");
	}

	@Test
	void unknownStrategyStopsConfigurationNamingKeyAndValue() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> serializer(Map.of("value.subject.name.strategy", "com.example.MyStrategy"), false))
			.withMessageContaining("value.subject.name.strategy")
			.withMessageContaining("com.example.MyStrategy")
			.withMessageContaining("io.confluent.kafka.serializers.subject.TopicNameStrategy");
	}

	@Test
	void withoutAutoRegisterAnUnknownSubjectFailsWith40401AndSaysWhatToSet() {
		FleetAvroSerializer<InferenceRequest> strict = serializer(Map.of("auto.register.schemas", "false"), false);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> strict.serialize(TOPIC, FleetAvroSerdeTests.request("r-5")))
			.withMessageContaining("is not registered under subject '" + SUBJECT + "'")
			.withMessageContaining("auto.register.schemas=false")
			.withCauseInstanceOf(SchemaRegistryException.class)
			.satisfies((ex) -> assertThat(((SchemaRegistryException) ex.getCause()).errorCode()).isEqualTo(40401));
	}

	@Test
	void withoutAutoRegisterASchemaMissingFromItsSubjectFailsWith40403() {
		this.registry.register(SUBJECT, V2);
		FleetAvroSerializer<InferenceRequest> strict = serializer(Map.of("auto.register.schemas", "false"), false);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> strict.serialize(TOPIC, FleetAvroSerdeTests.request("r-6")))
			.satisfies((ex) -> assertThat(((SchemaRegistryException) ex.getCause()).errorCode()).isEqualTo(40403));
	}

	@Test
	void withoutAutoRegisterARegisteredSchemaIsLookedUp() {
		int id = this.registry.register(SUBJECT, V1);
		this.registry.register(SUBJECT, V2);

		byte[] bytes = serializer(Map.of("auto.register.schemas", "false"), false).serialize(TOPIC,
				FleetAvroSerdeTests.request("r-7"));

		assertThat(idOf(bytes)).isEqualTo(id);
	}

	@Test
	void useLatestVersionWritesWithTheLatestIdAndSchema() throws Exception {
		this.registry.register(SUBJECT, V1);
		int latestId = this.registry.register(SUBJECT, V2);

		byte[] bytes = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"), false)
			.serialize(TOPIC, FleetAvroSerdeTests.request("r-8"));

		assertThat(idOf(bytes)).isEqualTo(latestId);
		GenericRecord read = new GenericDatumReader<GenericRecord>(V2).read(null,
				DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
		assertThat(read.get("request_id")).hasToString("r-8");
		assertThat(read.get("queue_hint")).hasToString("standard");
	}

	@Test
	void useLatestVersionThatIsTheRecordsOwnSchemaWritesItUnchanged() {
		int id = this.registry.register(SUBJECT, V1);
		InferenceRequest request = FleetAvroSerdeTests.request("r-9");

		byte[] bytes = serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"), false)
			.serialize(TOPIC, request);

		assertThat(idOf(bytes)).isEqualTo(id);
		assertThat(new FleetAvroDeserializer<InferenceRequest>(this.registry).deserialize(TOPIC, bytes))
			.isEqualTo(request);
	}

	@Test
	void strictLatestRefusesALatestVersionThatCannotReadTheRecord() {
		this.registry.register(SUBJECT, V2_REQUIRED);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true"), false)
				.serialize(TOPIC, FleetAvroSerdeTests.request("r-10")))
			.withMessageContaining("cannot read records of io.llmfleet.schemas.InferenceRequest")
			.withMessageContaining("queue_hint")
			.withMessageContaining("latest.compatibility.strict=false");
	}

	@Test
	void withoutStrictCheckAnUnwritableRecordStillFailsClearly() {
		this.registry.register(SUBJECT, V2_REQUIRED);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> serializer(Map.of("auto.register.schemas", "false", "use.latest.version", "true",
					"latest.compatibility.strict", "false"), false)
				.serialize(TOPIC, FleetAvroSerdeTests.request("r-11")))
			.withMessageContaining("with the latest schema of subject '" + SUBJECT + "'")
			.withMessageContaining("queue_hint");
	}

	@Test
	void autoRegisterWinsOverUseLatestVersionAsInConfluentSerializers() {
		this.registry.register(SUBJECT, V2);

		byte[] bytes = serializer(Map.of("use.latest.version", "true"), false).serialize(TOPIC,
				FleetAvroSerdeTests.request("r-12"));

		assertThat(idOf(bytes)).isEqualTo(this.registry.lookup(SUBJECT, V1));
	}

	@Test
	void aSettingThatIsNotABooleanStopsConfiguration() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> serializer(Map.of("auto.register.schemas", "yes"), false))
			.withMessageContaining("auto.register.schemas")
			.withMessageContaining("yes");
	}

	private FleetAvroSerializer<InferenceRequest> serializer(Map<String, Object> settings, boolean isKey) {
		FleetAvroSerializer<InferenceRequest> serializer = new FleetAvroSerializer<>(this.registry);
		serializer.configure(new HashMap<>(settings), isKey);
		return serializer;
	}

	private static int idOf(byte[] bytes) {
		return ByteBuffer.wrap(bytes, 1, 4).getInt();
	}

	/** A copy of a record schema with one more field, as a newer client would have it. */
	static Schema withField(Schema base, String fieldJson) {
		JsonMapper json = JsonMapper.builder().build();
		ObjectNode schema = (ObjectNode) json.readTree(base.toString());
		((ArrayNode) schema.get("fields")).add(json.readTree(fieldJson));
		return new Schema.Parser().parse(schema.toString());
	}

}
