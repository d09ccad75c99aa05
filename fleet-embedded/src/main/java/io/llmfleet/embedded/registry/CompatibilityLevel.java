package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
	 * @param previous the subject's schemas, oldest first
	 * @return why the candidate is incompatible; empty when it is compatible
	 */
	List<String> check(Schema candidate, List<Schema> previous) {
		if (previous.isEmpty()) {
			return List.of();
		}
		List<Schema> compared = this.transitive ? previous : List.of(previous.get(previous.size() - 1));
		List<String> problems = new ArrayList<>();
		for (Schema existing : compared) {
			problems.addAll(checkPair(candidate, existing));
		}
		return problems;
	}

	/**
	 * Checks a candidate against one given schema, whatever the transitivity.
	 * @param candidate the new schema
	 * @param existing the schema it must be compatible with
	 * @return why the candidate is incompatible; empty when it is compatible
	 */
	List<String> checkPair(Schema candidate, Schema existing) {
		List<String> problems = new ArrayList<>();
		if (this.backward) {
			problems.addAll(describe("BACKWARD",
					SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing).getResult()));
		}
		if (this.forward) {
			problems.addAll(describe("FORWARD",
					SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate).getResult()));
		}
		return problems;
	}

	private static List<String> describe(String direction, SchemaCompatibilityResult result) {
		List<String> problems = new ArrayList<>();
		for (Incompatibility incompatibility : result.getIncompatibilities()) {
			problems.add("{direction:" + direction + ", type:" + incompatibility.getType() + ", location:"
					+ incompatibility.getLocation() + ", message:" + incompatibility.getMessage() + "}");
		}
		return problems;
	}

}
