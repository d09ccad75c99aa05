package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;

/**
 * The compatibility levels of Confluent Schema Registry, checked with Avro's own
 * {@link SchemaCompatibility}. A non-transitive level compares a new schema with the
 * subject's latest version only, a transitive one with every version.
 */
enum CompatibilityLevel {

	/** Any schema is accepted. */
	NONE(false, false, false),

	/** The new schema can read data written with the latest one. */
	BACKWARD(true, false, false),

	/** The new schema can read data written with every earlier one. */
	BACKWARD_TRANSITIVE(true, false, true),

	/** The latest schema can read data written with the new one. */
	FORWARD(false, true, false),

	/** Every earlier schema can read data written with the new one. */
	FORWARD_TRANSITIVE(false, true, true),

	/** Both BACKWARD and FORWARD against the latest schema. */
	FULL(true, true, false),

	/** Both BACKWARD and FORWARD against every earlier schema. */
	FULL_TRANSITIVE(true, true, true);

	private final boolean backward;

	private final boolean forward;

	private final boolean transitive;

	CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
		this.backward = backward;
		this.forward = forward;
		this.transitive = transitive;
	}

	/**
	 * Parses a level name as the REST API sends it, in any case.
	 * @param name the name, e.g. {@code backward}
	 * @return the level
	 * @throws RegistryException 42203 when the name is no level
	 */
	static CompatibilityLevel parse(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw RegistryException.invalidCompatibilityLevel(name);
		}
	}

	/**
	 * Checks a candidate against the versions this level compares it with.
	 * @param candidate the schema about to be registered
	 * @param previous the subject's live schemas by version
	 * @return why the candidate is incompatible, each problem naming the field; empty
	 * when it is compatible
	 */
	List<String> check(Schema candidate, NavigableMap<Integer, Schema> previous) {
		if (previous.isEmpty()) {
			return List.of();
		}
		NavigableMap<Integer, Schema> compared = this.transitive ? previous
				: previous.tailMap(previous.lastKey(), true);
		List<String> problems = new ArrayList<>();
		compared.forEach((version, existing) -> problems.addAll(checkPair(candidate, version, existing)));
		return problems;
	}

	/**
	 * Checks a candidate against one given schema, whatever the transitivity.
	 * @param candidate the new schema
	 * @param version the version of the existing schema, for messages
	 * @param existing the schema it must be compatible with
	 * @return why the candidate is incompatible; empty when it is compatible
	 */
	List<String> checkPair(Schema candidate, int version, Schema existing) {
		List<String> problems = new ArrayList<>();
		if (this.backward) {
			// The new schema reads old data: locations point into the new schema.
			problems.addAll(describe("BACKWARD", version, candidate,
					SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing).getResult()));
		}
		if (this.forward) {
			problems.addAll(describe("FORWARD", version, existing,
					SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate).getResult()));
		}
		return problems;
	}

	private static List<String> describe(String direction, int version, Schema reader,
			SchemaCompatibilityResult result) {
		boolean newReads = direction.equals("BACKWARD");
		List<String> problems = new ArrayList<>();
		for (Incompatibility incompatibility : result.getIncompatibilities()) {
			String field = FieldPath.of(reader, incompatibility.getLocation());
			problems.add("{oldSchemaVersion: " + version + ", compatibility: " + direction + ", errorType: "
					+ incompatibility.getType() + ", field: '" + field + "', location: '"
					+ incompatibility.getLocation() + "', description: '"
					+ description(incompatibility, field, newReads ? "new" : "old", newReads ? "old" : "new") + "'}");
		}
		return problems;
	}

	private static String description(Incompatibility incompatibility, String field, String reader, String writer) {
		String subject = field.isEmpty() ? "The record" : "The field '" + field + "'";
		String detail = incompatibility.getMessage();
		return switch (incompatibility.getType()) {
			case READER_FIELD_MISSING_DEFAULT_VALUE -> subject + " in the " + reader
					+ " schema has no default value and is missing in the " + writer + " schema";
			case TYPE_MISMATCH -> subject + " has a type in the " + reader + " schema that cannot read the " + writer
					+ " schema's (" + detail + ")";
			case MISSING_UNION_BRANCH -> subject + " in the " + reader + " schema lacks a union branch the " + writer
					+ " schema writes (" + detail + ")";
			case MISSING_ENUM_SYMBOLS -> subject + " in the " + reader + " schema lacks enum symbols the " + writer
					+ " schema writes (" + detail + ")";
			default -> subject + " in the " + reader + " schema cannot read the " + writer + " schema (" + detail + ")";
		};
	}

}
