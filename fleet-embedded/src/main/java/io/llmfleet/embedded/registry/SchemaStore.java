package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.ConfigTombstone;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaTombstone;
import io.llmfleet.embedded.registry.SubjectVersions.Version;
import org.apache.avro.Schema;

/**
 * The registry's operations and rules over its {@link RegistryState}: register with
 * compatibility checks, look up, list, and soft or hard delete, with Confluent Schema
 * Registry's error codes. Every change is first appended to the {@link SchemaLog} and
 * applied only once stored, so the state is always what a replay of the log rebuilds. The
 * same canonical schema text has one id in every subject. Thread-safe: one lock
 * serialises all access, which is plenty for a registry that is written a handful of
 * times per deployment.
 */
final class SchemaStore {

	/** The global level when none was ever set, as in Confluent Schema Registry. */
	static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

	private final SchemaLog log;

	private final RegistryState state = new RegistryState();

	SchemaStore(SchemaLog log) {
		this.log = log;
	}

	/** Applies a fact read back from the log; used on start and after every append. */
	synchronized void apply(RegistryRecord record) {
		this.state.apply(record);
	}

	/**
	 * Registers a schema under a subject, or finds it among its live versions. A schema
	 * whose version was soft-deleted gets a new version with its old id, as in Confluent.
	 * @return the schema's global id
	 * @throws RegistryException 409 when the subject's level rejects it
	 */
	synchronized int register(String subject, Schema schema) {
		String canonical = schema.toString();
		Optional<Integer> knownId = this.state.idOf(canonical);
		Optional<SubjectVersions> versions = this.state.subject(subject);
		if (knownId.isPresent() && versions.flatMap((v) -> v.find(knownId.get(), LookupFilter.DEFAULT)).isPresent()) {
			return knownId.get();
		}
		List<String> problems = this.state.effectiveLevel(subject).check(schema, this.state.liveSchemas(subject));
		if (!problems.isEmpty()) {
			throw RegistryException.incompatibleSchema(subject, problems);
		}
		int id = knownId.orElse(this.state.maxId() + 1);
		append(new SchemaRecord(subject, versions.map(SubjectVersions::nextVersion).orElse(1), id, canonical, false));
		return id;
	}

	/**
	 * Finds the version of a subject that holds a schema.
	 * @throws RegistryException 40401 for a subject without versions the filter accepts,
	 * 40403 when the schema is not in it
	 */
	synchronized RegisteredSchema lookup(String subject, Schema schema, LookupFilter filter) {
		SubjectVersions versions = this.state.requireSubject(subject, filter);
		String canonical = schema.toString();
		Version version = this.state.idOf(canonical)
			.flatMap((id) -> versions.find(id, filter))
			.orElseThrow(RegistryException::schemaNotFound);
		return new RegisteredSchema(subject, version.id(), version.number(), canonical);
	}

	/** A schema by id; soft-deleted versions keep theirs readable. */
	synchronized String schemaById(int id) {
		String schema = this.state.schema(id);
		if (schema == null) {
			throw RegistryException.schemaIdNotFound(id);
		}
		return schema;
	}

	/** The highest id handed out, for {@code fetchMaxId}. */
	synchronized int maxId() {
		return this.state.maxId();
	}

	/** The subject and version pairs that use a schema id. */
	synchronized List<RegisteredSchema> usesOf(int id, LookupFilter filter) {
		String schema = schemaById(id);
		List<RegisteredSchema> uses = new ArrayList<>();
		this.state.subjects()
			.forEach((subject, versions) -> versions.list(filter)
				.stream()
				.filter((version) -> version.id() == id)
				.forEach((version) -> uses.add(new RegisteredSchema(subject, id, version.number(), schema))));
		return uses;
	}

	/**
	 * Subjects with versions the filter accepts, only those with a prefix if one is
	 * given.
	 */
	synchronized List<String> subjects(LookupFilter filter, String prefix) {
		return this.state.subjects()
			.entrySet()
			.stream()
			.filter((e) -> prefix == null || e.getKey().startsWith(prefix))
			.filter((e) -> !e.getValue().list(filter).isEmpty())
			.map((e) -> e.getKey())
			.toList();
	}

	synchronized List<Integer> versions(String subject, LookupFilter filter) {
		return this.state.requireSubject(subject, filter).list(filter).stream().map(Version::number).toList();
	}

	/**
	 * Returns a version of a subject.
	 * @param version a version number, or -1 for the latest the filter accepts
	 */
	synchronized RegisteredSchema version(String subject, int version, LookupFilter filter) {
		SubjectVersions versions = this.state.requireSubject(subject, filter);
		Version found = ((version == -1) ? versions.latest(filter) : versions.get(version))
			.filter((v) -> filter.accepts(v.deleted()))
			.orElseThrow(() -> RegistryException.versionNotFound(subject, version));
		return registered(subject, found);
	}

	/**
	 * Every version the filter accepts (or each subject's latest), for
	 * {@code GET /schemas}.
	 */
	synchronized List<RegisteredSchema> schemas(String prefix, LookupFilter filter, boolean latestOnly) {
		List<RegisteredSchema> schemas = new ArrayList<>();
		for (String subject : subjects(filter, prefix)) {
			SubjectVersions versions = this.state.subjects().get(subject);
			(latestOnly ? versions.latest(filter).stream().toList() : versions.list(filter))
				.forEach((v) -> schemas.add(registered(subject, v)));
		}
		return schemas;
	}

	/**
	 * Checks a schema against one live version of a subject, or against the versions its
	 * level compares with when {@code version} is empty (compatible when there are none).
	 * @return why it is incompatible; empty when compatible
	 */
	synchronized List<String> checkCompatibility(String subject, Schema schema, Optional<Integer> version) {
		CompatibilityLevel level = this.state.effectiveLevel(subject);
		if (version.isEmpty()) {
			return level.check(schema, this.state.liveSchemas(subject));
		}
		RegisteredSchema existing = version(subject, version.get(), LookupFilter.DEFAULT);
		return level.checkPair(schema, existing.version(), new Schema.Parser().parse(existing.schema()));
	}

	synchronized CompatibilityLevel globalLevel() {
		return this.state.globalLevel();
	}

	synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
		return this.state.subjectLevel(subject);
	}

	/** Sets the global level ({@code subject} null) or a subject's level. */
	synchronized void setLevel(String subject, CompatibilityLevel level) {
		append(new ConfigRecord(subject, level));
	}

	/**
	 * Removes a subject's level, or resets the global one to the default.
	 * @return the level that was removed
	 * @throws RegistryException 40401 for an unknown subject, 40408 when it has no level
	 */
	synchronized CompatibilityLevel deleteLevel(String subject) {
		CompatibilityLevel previous = (subject == null) ? this.state.globalLevel()
				: this.state.subjectLevel(subject).orElse(null);
		if (previous == null) {
			throw this.state.subject(subject).isPresent() ? RegistryException.subjectLevelConfigNotFound(subject)
					: RegistryException.subjectNotFound(subject);
		}
		append(new ConfigTombstone(subject));
		return previous;
	}

	/**
	 * Soft-deletes one version, or hard-deletes one that was soft-deleted first.
	 * @param version a version number, or -1 for the latest
	 * @return the version deleted
	 */
	synchronized int deleteVersion(String subject, int version, boolean permanent) {
		SubjectVersions versions = this.state.requireSubject(subject, LookupFilter.INCLUDE_DELETED);
		LookupFilter latestAmong = permanent ? LookupFilter.INCLUDE_DELETED : LookupFilter.DEFAULT;
		Version target = ((version == -1) ? versions.latest(latestAmong) : versions.get(version))
			.orElseThrow(() -> RegistryException.versionNotFound(subject, version));
		if (!permanent && target.deleted()) {
			throw RegistryException.versionSoftDeleted(subject, target.number());
		}
		if (permanent && !target.deleted()) {
			throw RegistryException.versionNotSoftDeleted(subject, target.number());
		}
		append(permanent ? new SchemaTombstone(subject, target.number()) : softDeleted(subject, target));
		return target.number();
	}

	/**
	 * Soft-deletes every live version of a subject (and its compatibility level, as
	 * Confluent does), or hard-deletes a subject whose versions were all soft-deleted.
	 * @return the versions deleted
	 */
	synchronized List<Integer> deleteSubject(String subject, boolean permanent) {
		SubjectVersions versions = this.state.requireSubject(subject, LookupFilter.INCLUDE_DELETED);
		List<Version> live = versions.list(LookupFilter.DEFAULT);
		if (!permanent) {
			if (live.isEmpty()) {
				throw RegistryException.subjectSoftDeleted(subject);
			}
			live.forEach((v) -> append(softDeleted(subject, v)));
			if (this.state.subjectLevel(subject).isPresent()) {
				append(new ConfigTombstone(subject));
			}
			return live.stream().map(Version::number).toList();
		}
		if (!live.isEmpty()) {
			throw RegistryException.subjectNotSoftDeleted(subject);
		}
		List<Version> all = versions.list(LookupFilter.INCLUDE_DELETED);
		all.forEach((v) -> append(new SchemaTombstone(subject, v.number())));
		return all.stream().map(Version::number).toList();
	}

	private SchemaRecord softDeleted(String subject, Version version) {
		return new SchemaRecord(subject, version.number(), version.id(), this.state.schema(version.id()), true);
	}

	private RegisteredSchema registered(String subject, Version version) {
		return new RegisteredSchema(subject, version.id(), version.number(), this.state.schema(version.id()));
	}

	private void append(RegistryRecord record) {
		this.log.append(record);
		this.state.apply(record);
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
