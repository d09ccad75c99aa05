package io.llmfleet.embedded.registry;

import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CompatibilityLevelTests {

	private static final Schema V1 = record("{\"name\":\"a\",\"type\":\"string\"}");

	private static final Schema ADDED_WITH_DEFAULT = record(
			"{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}");

	private static final Schema ADDED_WITHOUT_DEFAULT = record(
			"{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":\"int\"}");

	private static final Schema RETYPED = record("{\"name\":\"a\",\"type\":\"int\"}");

	private static final Schema NESTED = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"options\",\"type\":"
			+ "{\"type\":\"record\",\"name\":\"Options\",\"fields\":[{\"name\":\"max_tokens\",\"type\":\"int\"}]}}");

	private static final Schema NESTED_RETYPED = record(
			"{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"options\",\"type\":"
					+ "{\"type\":\"record\",\"name\":\"Options\",\"fields\":[{\"name\":\"max_tokens\",\"type\":\"string\"}]}}");

	private static final Schema OPTIONAL_NESTED = record("{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"options\","
			+ "\"type\":[\"null\",\"Options\"],\"default\":null}".replace("\"Options\"",
					NESTED.getField("options").schema().toString()));

	private static final Schema OPTIONAL_NESTED_RETYPED = record(
			"{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"options\","
					+ "\"type\":[\"null\",\"Options\"],\"default\":null}".replace("\"Options\"",
							NESTED_RETYPED.getField("options").schema().toString()));

	@Test
	void backwardAcceptsAFieldAddedWithADefault() {
		assertThat(CompatibilityLevel.BACKWARD.check(ADDED_WITH_DEFAULT, history(V1))).isEmpty();
	}

	@Test
	void backwardRejectsAFieldAddedWithoutADefaultNamingTheField() {
		assertThat(CompatibilityLevel.BACKWARD.check(ADDED_WITHOUT_DEFAULT, history(V1))).singleElement()
			.asString()
			.contains("errorType: READER_FIELD_MISSING_DEFAULT_VALUE")
			.contains("compatibility: BACKWARD")
			.contains("oldSchemaVersion: 1")
			.contains("field: 'b'")
			.contains("The field 'b' in the new schema has no default value and is missing in the old schema");
	}

	@Test
	void aChangedTypeNamesTheFieldEvenWhenNested() {
		assertThat(CompatibilityLevel.BACKWARD.check(RETYPED, history(V1))).singleElement()
			.asString()
			.contains("errorType: TYPE_MISMATCH")
			.contains("field: 'a'");
		assertThat(CompatibilityLevel.BACKWARD.check(NESTED_RETYPED, history(NESTED))).singleElement()
			.asString()
			.contains("field: 'options.max_tokens'");
		// Avro reports a record inside a union as a missing union branch of the field.
		assertThat(CompatibilityLevel.BACKWARD.check(OPTIONAL_NESTED_RETYPED, history(OPTIONAL_NESTED))).singleElement()
			.asString()
			.contains("errorType: MISSING_UNION_BRANCH")
			.contains("field: 'options'");
	}

	@Test
	void forwardAcceptsAFieldAddedWithoutADefaultBecauseOldReadersIgnoreIt() {
		assertThat(CompatibilityLevel.FORWARD.check(ADDED_WITHOUT_DEFAULT, history(V1))).isEmpty();
	}

	@Test
	void forwardRejectsARemovedFieldWithoutDefaultNamingItInTheOldSchema() {
		assertThat(CompatibilityLevel.FORWARD.check(V1, history(ADDED_WITHOUT_DEFAULT))).singleElement()
			.asString()
			.contains("compatibility: FORWARD")
			.contains("The field 'b' in the old schema has no default value and is missing in the new schema");
	}

	@Test
	void fullRequiresBothDirections() {
		assertThat(CompatibilityLevel.FULL.check(ADDED_WITH_DEFAULT, history(V1))).isEmpty();
		assertThat(CompatibilityLevel.FULL.check(ADDED_WITHOUT_DEFAULT, history(V1))).isNotEmpty();
	}

	@Test
	void nonTransitiveLevelsCompareWithTheLatestVersionOnly() {
		// RETYPED cannot read V1, but V1 is not the latest version.
		NavigableMap<Integer, Schema> history = history(V1, RETYPED);
		assertThat(CompatibilityLevel.BACKWARD.check(RETYPED, history)).isEmpty();
		assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.check(RETYPED, history)).singleElement()
			.asString()
			.contains("oldSchemaVersion: 1");
		assertThat(CompatibilityLevel.FORWARD_TRANSITIVE.check(RETYPED, history)).isNotEmpty();
		assertThat(CompatibilityLevel.FULL_TRANSITIVE.check(RETYPED, history)).isNotEmpty();
	}

	@Test
	void noneAcceptsAnything() {
		assertThat(CompatibilityLevel.NONE.check(RETYPED, history(V1))).isEmpty();
	}

	@Test
	void theFirstVersionIsAlwaysCompatible() {
		assertThat(CompatibilityLevel.FULL_TRANSITIVE.check(V1, history())).isEmpty();
	}

	@Test
	void levelNamesParseInAnyCase() {
		assertThat(CompatibilityLevel.parse("full_transitive")).isEqualTo(CompatibilityLevel.FULL_TRANSITIVE);
	}

	@Test
	void unknownLevelNameIsError42203() {
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> CompatibilityLevel.parse("SOMETIMES"))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(42203))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(422));
	}

	private static NavigableMap<Integer, Schema> history(Schema... schemas) {
		NavigableMap<Integer, Schema> history = new TreeMap<>();
		for (Schema schema : schemas) {
			history.put(history.size() + 1, schema);
		}
		return history;
	}

	private static Schema record(String fields) {
		return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
	}

}
