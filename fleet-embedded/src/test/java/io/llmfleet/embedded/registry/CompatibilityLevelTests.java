package io.llmfleet.embedded.registry;

import java.util.List;

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

	@Test
	void backwardAcceptsAFieldAddedWithADefault() {
		assertThat(CompatibilityLevel.BACKWARD.check(ADDED_WITH_DEFAULT, List.of(V1))).isEmpty();
	}

	@Test
	void backwardRejectsAFieldAddedWithoutADefault() {
		assertThat(CompatibilityLevel.BACKWARD.check(ADDED_WITHOUT_DEFAULT, List.of(V1))).singleElement()
			.asString()
			.contains("READER_FIELD_MISSING_DEFAULT_VALUE")
			.contains("BACKWARD");
	}

	@Test
	void forwardAcceptsAFieldAddedWithoutADefaultBecauseOldReadersIgnoreIt() {
		assertThat(CompatibilityLevel.FORWARD.check(ADDED_WITHOUT_DEFAULT, List.of(V1))).isEmpty();
	}

	@Test
	void fullRequiresBothDirections() {
		assertThat(CompatibilityLevel.FULL.check(ADDED_WITH_DEFAULT, List.of(V1))).isEmpty();
		assertThat(CompatibilityLevel.FULL.check(ADDED_WITHOUT_DEFAULT, List.of(V1))).isNotEmpty();
	}

	@Test
	void nonTransitiveLevelsCompareWithTheLatestVersionOnly() {
		// RETYPED cannot read V1, but V1 is not the latest version.
		List<Schema> history = List.of(V1, RETYPED);
		assertThat(CompatibilityLevel.BACKWARD.check(RETYPED, history)).isEmpty();
		assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.check(RETYPED, history)).isNotEmpty();
	}

	@Test
	void noneAcceptsAnything() {
		assertThat(CompatibilityLevel.NONE.check(RETYPED, List.of(V1))).isEmpty();
	}

	@Test
	void theFirstVersionIsAlwaysCompatible() {
		assertThat(CompatibilityLevel.FULL_TRANSITIVE.check(V1, List.of())).isEmpty();
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

	private static Schema record(String fields) {
		return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
	}

}
