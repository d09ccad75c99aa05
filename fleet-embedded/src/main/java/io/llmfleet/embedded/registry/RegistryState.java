package io.llmfleet.embedded.registry;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.ConfigTombstone;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaTombstone;
import io.llmfleet.embedded.registry.SubjectVersions.Version;
import org.apache.avro.Schema;

/**
 * What a replay of the registry's log builds: schemas by global id and ids by canonical
 * schema text, each subject's versions (soft-deleted ones included until a hard delete),
 * and the compatibility levels. A hard delete forgets a schema id once no version uses
 * it, but never lowers the highest id, so ids are not reused. Not thread-safe:
 * {@link SchemaStore} guards it.
 */
final class RegistryState {

	private final Map<Integer, String> schemasById = new HashMap<>();

	private final Map<String, Integer> idsBySchema = new HashMap<>();

	/** Sorted so that listings come out in order. */
	private final Map<String, SubjectVersions> subjects = new TreeMap<>();

	private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();

	private CompatibilityLevel globalLevel = SchemaStore.DEFAULT_LEVEL;

	private int maxId;

	void apply(RegistryRecord record) {
		if (record instanceof SchemaRecord schema) {
			this.schemasById.putIfAbsent(schema.id(), schema.schema());
			this.idsBySchema.putIfAbsent(schema.schema(), schema.id());
			this.maxId = Math.max(this.maxId, schema.id());
			this.subjects.computeIfAbsent(schema.subject(), (s) -> new SubjectVersions())
				.put(schema.version(), schema.id(), schema.deleted());
		}
		else if (record instanceof SchemaTombstone tombstone) {
			hardDelete(tombstone);
		}
		else if (record instanceof ConfigRecord config) {
			if (config.subject() == null) {
				this.globalLevel = config.level();
			}
			else {
				this.subjectLevels.put(config.subject(), config.level());
			}
		}
		else if (record instanceof ConfigTombstone tombstone) {
			if (tombstone.subject() == null) {
				this.globalLevel = SchemaStore.DEFAULT_LEVEL;
			}
			else {
				this.subjectLevels.remove(tombstone.subject());
			}
		}
	}

	private void hardDelete(SchemaTombstone tombstone) {
		SubjectVersions versions = this.subjects.get(tombstone.subject());
		if (versions == null) {
			return;
		}
		Optional<Version> removed = versions.get(tombstone.version());
		versions.remove(tombstone.version());
		if (versions.isEmpty()) {
			this.subjects.remove(tombstone.subject());
		}
		removed.map(Version::id)
			.filter((id) -> this.subjects.values().stream().noneMatch((other) -> other.usesId(id)))
			.ifPresent((id) -> this.idsBySchema.remove(this.schemasById.remove(id)));
	}

	Optional<Integer> idOf(String canonicalSchema) {
		return Optional.ofNullable(this.idsBySchema.get(canonicalSchema));
	}

	/** The schema text of an id, or null when it is unknown. */
	String schema(int id) {
		return this.schemasById.get(id);
	}

	int maxId() {
		return this.maxId;
	}

	Optional<SubjectVersions> subject(String subject) {
		return Optional.ofNullable(this.subjects.get(subject));
	}

	/** The subjects in order, with all their versions. */
	Map<String, SubjectVersions> subjects() {
		return this.subjects;
	}

	/**
	 * The subject's versions, provided the filter accepts at least one.
	 * @throws RegistryException 40401 otherwise
	 */
	SubjectVersions requireSubject(String subject, LookupFilter filter) {
		SubjectVersions versions = this.subjects.get(subject);
		if (versions == null || versions.list(filter).isEmpty()) {
			throw RegistryException.subjectNotFound(subject);
		}
		return versions;
	}

	/** The live schemas of a subject by version, for compatibility checks. */
	NavigableMap<Integer, Schema> liveSchemas(String subject) {
		NavigableMap<Integer, Schema> live = new TreeMap<>();
		subject(subject).ifPresent((versions) -> versions.list(LookupFilter.DEFAULT)
			.forEach((v) -> live.put(v.number(), new Schema.Parser().parse(this.schemasById.get(v.id())))));
		return live;
	}

	CompatibilityLevel globalLevel() {
		return this.globalLevel;
	}

	Optional<CompatibilityLevel> subjectLevel(String subject) {
		return Optional.ofNullable(this.subjectLevels.get(subject));
	}

	CompatibilityLevel effectiveLevel(String subject) {
		return this.subjectLevels.getOrDefault(subject, this.globalLevel);
	}

}
