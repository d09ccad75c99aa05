package io.llmfleet.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.schemas.registry.RegisteredSchema;
import io.llmfleet.schemas.registry.SchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;

/**
 * Serializes Avro specific records in the Confluent wire format, choosing the schema id
 * the way Confluent's serializers do: with {@code auto.register.schemas=true} (the
 * default) the record's schema is registered under the subject the
 * {@link SubjectNameStrategy} names (topic-name by default); with {@code false} it is
 * looked up there, or with {@code use.latest.version=true} the subject's latest version
 * is used and the record is written with that schema, which must be able to read the
 * record's own (checked unless {@code latest.compatibility.strict=false}). The latest
 * version is fetched once per subject and schema, as Confluent does without a cache TTL.
 * Registry failures surface as a {@link SerializationException} that says which setting
 * to look at.
 *
 * @param <T> the record type
 */
public class FleetAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

	private static final Logger log = LoggerFactory.getLogger(FleetAvroSerializer.class);

	private final Map<SubjectSchema, WriteTarget> latestTargets = new ConcurrentHashMap<>();

	private SchemaRegistryClient registry;

	private boolean autoRegister = true;

	private boolean useLatestVersion;

	private boolean latestCompatibilityStrict = true;

	private SubjectNameStrategy subjectNameStrategy = SubjectNameStrategy.TOPIC;

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
		this.useLatestVersion = SerdeConfig.useLatestVersion(configs);
		this.latestCompatibilityStrict = SerdeConfig.latestCompatibilityStrict(configs);
		this.subjectNameStrategy = SerdeConfig.subjectNameStrategy(configs, isKey);
		if (this.autoRegister && this.useLatestVersion) {
			log.warn(
					"{}=true has no effect while {}=true, as in Confluent's serializers: set {}=false to write "
							+ "with the latest version",
					SerdeConfig.USE_LATEST_VERSION, SerdeConfig.AUTO_REGISTER_SCHEMAS,
					SerdeConfig.AUTO_REGISTER_SCHEMAS);
		}
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
		String subject = this.subjectNameStrategy.subject(topic, this.isKey, schema);
		WriteTarget target = target(subject, schema);
		byte[] avro;
		try {
			avro = target.write(record);
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("Cannot write " + schema.getFullName() + " for " + topic
					+ ((target.schema() != null) ? " with the latest schema of subject '" + subject + "'" : "") + ": "
					+ ex, ex);
		}
		return ConfluentWireFormat.header(target.id(), avro.length).put(avro).array();
	}

	private WriteTarget target(String subject, Schema schema) {
		if (this.autoRegister) {
			return new WriteTarget(
					call(() -> this.registry.register(subject, schema),
							() -> "Cannot register " + schema.getFullName() + " under subject '" + subject + "'"),
					null);
		}
		if (!this.useLatestVersion) {
			return new WriteTarget(
					call(() -> this.registry.lookup(subject, schema), () -> notRegistered(subject, schema)), null);
		}
		SubjectSchema key = new SubjectSchema(subject, schema);
		WriteTarget cached = this.latestTargets.get(key);
		if (cached == null) {
			cached = latestTarget(subject, schema);
			this.latestTargets.putIfAbsent(key, cached);
		}
		return cached;
	}

	private WriteTarget latestTarget(String subject, Schema schema) {
		RegisteredSchema latest = call(() -> this.registry.latest(subject),
				() -> "Cannot fetch the latest version of subject '" + subject + "', which "
						+ SerdeConfig.USE_LATEST_VERSION + "=true writes " + schema.getFullName() + " with");
		if (latest.schema().equals(schema)) {
			return new WriteTarget(latest.id(), null);
		}
		var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema).getResult();
		if (this.latestCompatibilityStrict && compatibility.getCompatibility() != SchemaCompatibilityType.COMPATIBLE) {
			throw new SerializationException("Latest version " + latest.version() + " (id " + latest.id()
					+ ") of subject '" + subject + "' cannot read records of " + schema.getFullName() + ": "
					+ compatibility.getIncompatibilities()
						.stream()
						.map((problem) -> problem.getType() + " at " + problem.getLocation() + " ("
								+ problem.getMessage() + ")")
						.toList()
					+ "; set " + SerdeConfig.LATEST_COMPATIBILITY_STRICT + "=false to skip this check");
		}
		log.info("Writing {} to subject '{}' with its latest version {} (id {}) instead of the record's own schema",
				schema.getFullName(), subject, latest.version(), latest.id());
		return new WriteTarget(latest.id(), latest.schema());
	}

	private String notRegistered(String subject, Schema schema) {
		return schema.getFullName() + " is not registered under subject '" + subject + "' and "
				+ SerdeConfig.AUTO_REGISTER_SCHEMAS + "=false: register it first, or set "
				+ SerdeConfig.AUTO_REGISTER_SCHEMAS + "=true, or " + SerdeConfig.USE_LATEST_VERSION
				+ "=true to write with the subject's latest version";
	}

	private static <R> R call(Supplier<R> registryCall, Supplier<String> context) {
		try {
			return registryCall.get();
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException(context.get() + " (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * The id a record is framed with and, when it is not the record's own, the schema it
	 * is written with.
	 *
	 * @param id the schema id in the header
	 * @param schema the registry's schema to write with, or null for the record's own
	 */
	private record WriteTarget(int id, Schema schema) {

		byte[] write(SpecificRecord record) throws IOException {
			byte[] own = encode(new SpecificDatumWriter<>(record.getSchema()), record);
			if (this.schema == null) {
				return own;
			}
			// Resolving the record's own encoding against the registry's schema fills
			// that schema's defaults and drops fields it does not have, as a reader
			// would.
			Object converted = new GenericDatumReader<>(record.getSchema(), this.schema).read(null,
					DecoderFactory.get().binaryDecoder(own, null));
			return encode(new GenericDatumWriter<>(this.schema), converted);
		}

		private static <D> byte[] encode(DatumWriter<D> writer, D datum) throws IOException {
			ByteArrayOutputStream out = new ByteArrayOutputStream(256);
			BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
			writer.write(datum, encoder);
			encoder.flush();
			return out.toByteArray();
		}

	}

	private record SubjectSchema(String subject, Schema schema) {
	}

}
