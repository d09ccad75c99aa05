package io.llmfleet.schemas.serde;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.PoisonCause;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.registry.SchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of poison fails with a {@link PoisonRecordException} of its own cause and a
 * message naming the topic; a registry that is away is not poison.
 */
class FleetAvroDeserializerPoisonTests {

	private static final String TOPIC = "fleet.requests";

	private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

	private final FleetAvroSerializer<SpecificRecord> serializer = new FleetAvroSerializer<>(this.registry);

	@Test
	void aValueOverTheLimitFailsAsOversizeNamingSizeAndLimit() {
		byte[] frame = this.serializer.serialize(TOPIC, FleetRecordSamples.request());

		assertThatThrownBy(() -> deserializer(
				Map.of(FleetAvroDeserializer.MAX_RECORD_BYTES_CONFIG, String.valueOf(frame.length - 1)))
			.deserialize(TOPIC, frame))
			.isInstanceOfSatisfying(PoisonRecordException.class,
					(ex) -> assertThat(ex.poisonCause()).isEqualTo(PoisonCause.OVERSIZE))
			.hasMessage("Record on " + TOPIC + " is " + frame.length + " bytes, over the " + (frame.length - 1)
					+ "-byte limit (fleet.avro.max.record.bytes)");
	}

	@Test
	void theDefaultLimitIsOneMebibyte() {
		FleetAvroDeserializer<SpecificRecord> deserializer = deserializer(Map.of());
		byte[] oneMebibyte = new byte[1024 * 1024];
		byte[] over = new byte[1024 * 1024 + 1];

		assertThatThrownBy(() -> deserializer.deserialize(TOPIC, oneMebibyte)).isInstanceOfSatisfying(
				PoisonRecordException.class,
				(ex) -> assertThat(ex.poisonCause()).isEqualTo(PoisonCause.UNKNOWN_SCHEMA));
		assertThatThrownBy(() -> deserializer.deserialize(TOPIC, over)).hasMessageContaining("1048576-byte limit");
	}

	@Test
	void aLimitThatIsNotAPositiveNumberStopsConfigurationQuotingIt() {
		for (String bad : new String[] { "0", "-5", "lots" }) {
			assertThatThrownBy(() -> deserializer(Map.of(FleetAvroDeserializer.MAX_RECORD_BYTES_CONFIG, bad)))
				.isInstanceOf(ConfigException.class)
				.hasMessageContaining(bad)
				.hasMessageContaining("fleet.avro.max.record.bytes");
		}
	}

	@Test
	void aWrongMagicByteOrAShortRecordIsNotWireFormat() {
		byte[] frame = this.serializer.serialize(TOPIC, FleetRecordSamples.request()).clone();
		frame[0] = 7;

		assertThat(poisonOf(deserializer(Map.of()), frame).poisonCause()).isEqualTo(PoisonCause.NOT_WIRE_FORMAT);
		assertThat(poisonOf(deserializer(Map.of()), new byte[] { 0, 0, 1 }))
			.hasMessageContaining("is not in the Confluent wire format");
	}

	@Test
	void anUnknownIdOrASchemaWithoutAGeneratedClassIsUnknownSchema() {
		Schema foreign = SchemaBuilder.record("Invoice")
			.namespace("com.acme")
			.fields()
			.requiredLong("cents")
			.endRecord();
		int foreignId = this.registry.register("invoices-value", foreign);

		assertThat(poisonOf(deserializer(Map.of()), frame(424242, new byte[] { 2 })))
			.hasMessageContaining("schema id 424242")
			.extracting(PoisonRecordException::poisonCause)
			.isEqualTo(PoisonCause.UNKNOWN_SCHEMA);
		assertThat(poisonOf(deserializer(Map.of()), frame(foreignId, new byte[] { 2 })))
			.hasMessageContaining("com.acme.Invoice, which no generated class implements")
			.extracting(PoisonRecordException::poisonCause)
			.isEqualTo(PoisonCause.UNKNOWN_SCHEMA);
	}

	@Test
	void anUnreachableRegistryIsNotPoison() {
		SchemaRegistryClient away = new InMemorySchemaRegistry() {
			@Override
			public synchronized Schema getById(int id) {
				throw new SchemaRegistryException("Schema registry at http://127.0.0.1:1/ is unreachable",
						new IOException("Connection refused"));
			}
		};

		assertThatThrownBy(() -> new FleetAvroDeserializer<>(away).deserialize(TOPIC, frame(1, new byte[] { 2 })))
			.isExactlyInstanceOf(SerializationException.class)
			.hasMessageContaining("not poison")
			.hasCauseInstanceOf(SchemaRegistryException.class);
	}

	@Test
	void aRecordOfAnotherTypeIsWrongTypeAndCarriesTheDecodedRecord() {
		FleetAvroDeserializer<SpecificRecord> requests = deserializer(
				Map.of(FleetAvroDeserializer.VALUE_TYPE_CONFIG, InferenceRequest.class.getName()));
		byte[] routed = this.serializer.serialize("elsewhere", FleetRecordSamples.routed());
		byte[] capacity = this.serializer.serialize("elsewhere", FleetRecordSamples.capacity());

		PoisonRecordException wrongRouted = poisonOf(requests, routed);
		assertThat(wrongRouted.poisonCause()).isEqualTo(PoisonCause.WRONG_TYPE);
		assertThat(wrongRouted).hasMessageContaining("is a io.llmfleet.schemas.RoutedRequest")
			.hasMessageContaining("not the io.llmfleet.schemas.InferenceRequest this consumer reads");
		assertThat(wrongRouted.record()).containsInstanceOf(RoutedRequest.class);
		assertThat(poisonOf(requests, capacity).record()).contains(FleetRecordSamples.capacity());
		assertThat(requests.deserialize(TOPIC, this.serializer.serialize(TOPIC, FleetRecordSamples.request())))
			.isEqualTo(FleetRecordSamples.request());
	}

	@Test
	void withoutAnExpectedTypeEveryFleetRecordReads() {
		FleetAvroDeserializer<SpecificRecord> any = deserializer(Map.of());

		for (SpecificRecord sample : FleetRecordSamples.all()) {
			assertThat(any.deserialize(TOPIC, this.serializer.serialize("any", sample))).isEqualTo(sample);
		}
	}

	@Test
	void anExpectedTypeMustBeAGeneratedRecordClass() {
		assertThatThrownBy(() -> deserializer(Map.of(FleetAvroDeserializer.VALUE_TYPE_CONFIG, "java.lang.String")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("not a generated Avro specific record class");
		assertThatThrownBy(() -> deserializer(Map.of(FleetAvroDeserializer.VALUE_TYPE_CONFIG, "io.acme.Nope")))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("io.acme.Nope");
	}

	@Test
	void aStringClaimingTwoGigabytesFailsFastWithoutAllocatingThem() {
		int requestId = this.registry.register(TOPIC + "-value", InferenceRequest.getClassSchema());
		byte[] frame = frame(requestId, FleetAvroDeserializerFuzzTests.zigZagVarint(Integer.MAX_VALUE));

		long allocated = allocatedBy(() -> assertThat(poisonOf(deserializer(Map.of()), frame))
			.hasMessageContaining("claims 2147483647 bytes but only 0 are left")
			.extracting(PoisonRecordException::poisonCause)
			.isEqualTo(PoisonCause.UNDECODABLE));
		assertThat(allocated).isLessThan(8L << 20);
	}

	@Test
	void anArrayClaimingABillionItemsFailsFastWithoutAllocatingThem() {
		int requestId = this.registry.register(TOPIC + "-value", InferenceRequest.getClassSchema());
		// request_id "r", three null unions, then the messages array's item count.
		byte[] body = concat(new byte[] { 2, 'r', 0, 0, 0 },
				FleetAvroDeserializerFuzzTests.zigZagVarint(1_000_000_000));

		long allocated = allocatedBy(() -> assertThat(poisonOf(deserializer(Map.of()), frame(requestId, body)))
			.hasMessageContaining("array block claims 1000000000 items"));
		assertThat(allocated).isLessThan(8L << 20);
	}

	@Test
	void bytesLeftOverAfterTheRecordAreUndecodable() {
		byte[] frame = this.serializer.serialize(TOPIC, FleetRecordSamples.capacity());

		assertThat(poisonOf(deserializer(Map.of()), concat(frame, new byte[] { 0, 0 })))
			.hasMessageContaining("2 bytes left over after the record")
			.extracting(PoisonRecordException::poisonCause)
			.isEqualTo(PoisonCause.UNDECODABLE);
	}

	@Test
	void thePoisonExceptionSurvivesJavaSerializationWithItsCauseAndRecord() throws Exception {
		PoisonRecordException wrong = PoisonRecordException.wrongType(TOPIC, 3, FleetRecordSamples.routed(),
				InferenceRequest.class);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(wrong);
		}

		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			PoisonRecordException read = (PoisonRecordException) in.readObject();
			assertThat(read.poisonCause()).isEqualTo(PoisonCause.WRONG_TYPE);
			assertThat(read.record()).contains(FleetRecordSamples.routed());
			assertThat(read).hasMessage(wrong.getMessage());
		}
	}

	private FleetAvroDeserializer<SpecificRecord> deserializer(Map<String, ?> configs) {
		FleetAvroDeserializer<SpecificRecord> deserializer = new FleetAvroDeserializer<>(this.registry);
		deserializer.configure(new HashMap<>(configs), false);
		return deserializer;
	}

	private static PoisonRecordException poisonOf(FleetAvroDeserializer<?> deserializer, byte[] data) {
		try {
			deserializer.deserialize(TOPIC, data);
		}
		catch (PoisonRecordException ex) {
			assertThat(ex).hasMessageContaining(TOPIC);
			return ex;
		}
		throw new AssertionError("decoded " + Arrays.toString(Arrays.copyOf(data, 16)) + "...");
	}

	private static long allocatedBy(Runnable action) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		action.run();
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

	private static byte[] frame(int schemaId, byte[] body) {
		return concat(FleetAvroDeserializerFuzzTests.header(schemaId), body);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
