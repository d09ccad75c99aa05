package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
import org.apache.avro.Schema;

/**
 * The registry's state and rules: schemas by global id, subjects with their versions, and
 * compatibility levels. Every change is first appended to the {@link SchemaLog} and
 * applied only once stored, so the state is always what a replay of the log rebuilds. The
 * same canonical schema text has one id in every subject. Thread-safe: one lock
 * serialises all access, which is plenty for a registry that is written a handful of
 * times per deployment.
 */
final class SchemaStore {

	/** The global level when none was ever set, as in Confluent Schema Registry. */
	static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

	private final SchemaLog log;

	private final Map<Integer, String> schemasById = new HashMap<>();

	private final Map<String, Integer> idsBySchema = new HashMap<>();

	/** Subject, then version, then schema id; sorted so listings come out in order. */
	private final Map<String, TreeMap<Integer, Integer>> subjects = new TreeMap<>();

	private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();

	private CompatibilityLevel globalLevel = DEFAULT_LEVEL;

	private int maxId;

	SchemaStore(SchemaLog log) {
		this.log = log;
	}

	/** Applies a fact read back from the log; used on start and after every append. */
	synchronized void apply(RegistryRecord record) {
		if (record instanceof SchemaRecord schema) {
			this.schemasById.putIfAbsent(schema.id(), schema.schema());
			this.idsBySchema.putIfAbsent(schema.schema(), schema.id());
			this.maxId = Math.max(this.maxId, schema.id());
			TreeMap<Integer, Integer> versions = this.subjects.computeIfAbsent(schema.subject(),
					(s) -> new TreeMap<>());
			if (schema.deleted()) {
				versions.remove(schema.version());
			}
			else {
				versions.put(schema.version(), schema.id());
			}
		}
		else if (record instanceof ConfigRecord config) {
			if (config.subject() == null) {
				this.globalLevel = config.level();
			}
			else {
				this.subjectLevels.put(config.subject(), config.level());
			}
		}
	}

	/**
	 * Registers a schema under a subject, or finds it there already.
	 * @return the schema's global id
	 * @throws RegistryException 409 when the subject's level rejects it
	 */
	synchronized int register(String subject, Schema schema) {
		String canonical = schema.toString();
		Optional<RegisteredSchema> existing = find(subject, canonical);
		if (existing.isPresent()) {
			return existing.get().id();
		}
		List<String> problems = effectiveLevel(subject).check(schema, parsedVersions(subject));
		if (!problems.isEmpty()) {
			throw RegistryException.incompatibleSchema(subject, problems);
		}
		int id = this.idsBySchema.getOrDefault(canonical, this.maxId + 1);
		int version = versionsOf(subject).isEmpty() ? 1 : versionsOf(subject).lastKey() + 1;
		append(new SchemaRecord(subject, version, id, canonical, false));
		return id;
	}

	/**
	 * Finds the version of a subject that holds a schema.
	 * @throws RegistryException 40401 for an unknown subject, 40403 when the schema is
	 * not in it
	 */
	synchronized RegisteredSchema lookup(String subject, Schema schema) {
		requireSubject(subject);
		return find(subject, schema.toString()).orElseThrow(RegistryException::schemaNotFound);
	}

	synchronized String schemaById(int id) {
		String schema = this.schemasById.get(id);
		if (schema == null) {
			throw RegistryException.schemaIdNotFound(id);
		}
		return schema;
	}

	/** The subject and version pairs that use a schema id. */
	synchronized List<RegisteredSchema> usesOf(int id) {
		String schema = schemaById(id);
		List<RegisteredSchema> uses = new ArrayList<>();
		this.subjects.forEach((subject, versions) -> versions.forEach((version, versionId) -> {
			if (versionId == id) {
				uses.add(new RegisteredSchema(subject, id, version, schema));
			}
		}));
		return uses;
	}

	synchronized List<String> subjects() {
		return this.subjects.entrySet().stream().filter((e) -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
	}

	synchronized List<Integer> versions(String subject) {
		return List.copyOf(requireSubject(subject).keySet());
	}

	/**
	 * Returns a version of a subject.
	 * @param version a version number, or -1 for the latest
	 */
	synchronized RegisteredSchema version(String subject, int version) {
		TreeMap<Integer, Integer> versions = requireSubject(subject);
		int resolved = (version == -1) ? versions.lastKey() : version;
		Integer id = versions.get(resolved);
		if (id == null) {
			throw RegistryException.versionNotFound(subject, version);
		}
		return new RegisteredSchema(subject, id, resolved, this.schemasById.get(id));
	}

	/**
	 * Checks a schema against one version of a subject, or against the versions its level
	 * compares with when {@code version} is empty.
	 * @return why it is incompatible; empty when compatible
	 */
	synchronized List<String> checkCompatibility(String subject, Schema schema, Optional<Integer> version) {
		CompatibilityLevel level = effectiveLevel(subject);
		if (version.isEmpty()) {
			requireSubject(subject);
			return level.check(schema, parsedVersions(subject));
		}
		Schema existing = parse(version(subject, version.get()).schema());
		return level.checkPair(schema, existing);
	}

	synchronized CompatibilityLevel globalLevel() {
		return this.globalLevel;
	}

	synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
		return Optional.ofNullable(this.subjectLevels.get(subject));
	}

	/** Sets the global level ({@code subject} null) or a subject's level. */
	synchronized void setLevel(String subject, CompatibilityLevel level) {
		append(new ConfigRecord(subject, level));
	}

	private void append(RegistryRecord record) {
		this.log.append(record);
		apply(record);
	}

	private CompatibilityLevel effectiveLevel(String subject) {
		return this.subjectLevels.getOrDefault(subject, this.globalLevel);
	}

	private Optional<RegisteredSchema> find(String subject, String canonical) {
		Integer id = this.idsBySchema.get(canonical);
		if (id == null) {
			return Optional.empty();
		}
		return versionsOf(subject).entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(id))
			.findFirst()
			.map((e) -> new RegisteredSchema(subject, id, e.getKey(), canonical));
	}

	private TreeMap<Integer, Integer> versionsOf(String subject) {
		return this.subjects.getOrDefault(subject, new TreeMap<>());
	}

	private TreeMap<Integer, Integer> requireSubject(String subject) {
		TreeMap<Integer, Integer> versions = versionsOf(subject);
		if (versions.isEmpty()) {
			throw RegistryException.subjectNotFound(subject);
		}
		return versions;
	}

	private List<Schema> parsedVersions(String subject) {
		return versionsOf(subject).values().stream().map((id) -> parse(this.schemasById.get(id))).toList();
	}

	private static Schema parse(String canonical) {
		return new Schema.Parser().parse(canonical);
	}

	/**
	 * One version of a subject.
	 *
	 * @param subject the subject
	 * @param id the global schema id
	 * @param version the version within the subject
	 * @param schema the schema in canonical form
	 */
	record RegisteredSchema(String subject, int id, int version, String schema) {
	}

}
