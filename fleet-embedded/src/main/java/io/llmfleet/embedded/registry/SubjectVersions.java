package io.llmfleet.embedded.registry;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versions of one subject, soft-deleted ones included until a hard delete removes
 * them, in version order. Not thread-safe: {@link SchemaStore} guards it.
 */
final class SubjectVersions {

	private final TreeMap<Integer, Version> versions = new TreeMap<>();

	void put(int version, int id, boolean deleted) {
		this.versions.put(version, new Version(version, id, deleted));
	}

	void remove(int version) {
		this.versions.remove(version);
	}

	/** Whether any version, live or soft-deleted, is left. */
	boolean isEmpty() {
		return this.versions.isEmpty();
	}

	List<Version> list(LookupFilter filter) {
		return this.versions.values().stream().filter((v) -> filter.accepts(v.deleted())).toList();
	}

	Optional<Version> get(int version) {
		return Optional.ofNullable(this.versions.get(version));
	}

	/** The highest version the filter accepts. */
	Optional<Version> latest(LookupFilter filter) {
		return this.versions.descendingMap().values().stream().filter((v) -> filter.accepts(v.deleted())).findFirst();
	}

	/** The version holding a schema id, the newest if there are several. */
	Optional<Version> find(int id, LookupFilter filter) {
		return this.versions.descendingMap()
			.values()
			.stream()
			.filter((v) -> v.id() == id && filter.accepts(v.deleted()))
			.findFirst();
	}

	/**
	 * The number a new version gets: one past the highest, soft-deleted ones included, so
	 * a version number is never reused while its soft-deleted version is remembered.
	 */
	int nextVersion() {
		return this.versions.isEmpty() ? 1 : this.versions.lastKey() + 1;
	}

	boolean usesId(int id) {
		return this.versions.values().stream().anyMatch((v) -> v.id() == id);
	}

	/**
	 * One version of the subject.
	 *
	 * @param number the version number, from 1
	 * @param id the global schema id
	 * @param deleted whether it is soft-deleted
	 */
	record Version(int number, int id, boolean deleted) {
	}

}
