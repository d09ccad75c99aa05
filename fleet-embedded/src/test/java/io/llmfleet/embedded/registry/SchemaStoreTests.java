package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaStoreTests {

	private static final String V1 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

	private static final String V2 = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
			+ "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";

	private static final String INCOMPATIBLE = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

	private final List<RegistryRecord> log = new ArrayList<>();

	private final SchemaStore store = new SchemaStore(this.log::add);

	@Test
	void sameSchemaGetsTheSameIdInEverySubject() {
		int first = this.store.register("a-value", parse(V1));
		int second = this.store.register("b-value", parse("  " + V1.replace(",", " , ")));
		assertThat(second).isEqualTo(first);
		assertThat(this.store.usesOf(first)).extracting(SchemaStore.RegisteredSchema::subject)
			.containsExactly("a-value", "b-value");
	}

	@Test
	void registeringAgainReturnsTheExistingIdWithoutANewVersion() {
		int id = this.store.register("s", parse(V1));
		assertThat(this.store.register("s", parse(V1))).isEqualTo(id);
		assertThat(this.store.versions("s")).containsExactly(1);
		assertThat(this.log).hasSize(1);
	}

	@Test
	void newSchemasGetNewIdsAndVersions() {
		int first = this.store.register("s", parse(V1));
		int second = this.store.register("s", parse(V2));
		assertThat(second).isEqualTo(first + 1);
		assertThat(this.store.version("s", -1))
			.isEqualTo(new SchemaStore.RegisteredSchema("s", second, 2, parse(V2).toString()));
	}

	@Test
	void incompatibleSchemaIsRejectedAndNothingIsStored() {
		this.store.register("s", parse(V1));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> this.store.register("s", parse(INCOMPATIBLE)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(409));
		assertThat(this.log).hasSize(1);
	}

	@Test
	void subjectLevelOverridesTheGlobalLevel() {
		this.store.register("s", parse(V1));
		this.store.setLevel("s", CompatibilityLevel.NONE);
		this.store.register("s", parse(INCOMPATIBLE));
		assertThat(this.store.versions("s")).containsExactly(1, 2);
		assertThat(this.store.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
	}

	@Test
	void failedWriteLeavesTheStateUnchanged() {
		SchemaStore failing = new SchemaStore((record) -> {
			throw RegistryException.storeFailed("writing", new IllegalStateException("broker down"));
		});
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> failing.register("s", parse(V1)));
		assertThat(failing.subjects()).isEmpty();
	}

	@Test
	void replayingTheLogRebuildsTheSameState() {
		int id1 = this.store.register("s", parse(V1));
		this.store.register("s", parse(V2));
		this.store.setLevel(null, CompatibilityLevel.FULL);
		this.store.setLevel("s", CompatibilityLevel.NONE);

		SchemaStore rebuilt = new SchemaStore((record) -> {
		});
		this.log.forEach(rebuilt::apply);

		assertThat(rebuilt.subjects()).containsExactly("s");
		assertThat(rebuilt.versions("s")).containsExactly(1, 2);
		assertThat(rebuilt.schemaById(id1)).isEqualTo(parse(V1).toString());
		assertThat(rebuilt.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
		assertThat(rebuilt.subjectLevel("s")).contains(CompatibilityLevel.NONE);
		assertThat(rebuilt.register("t", parse(INCOMPATIBLE))).isEqualTo(3);
	}

	@Test
	void lookupTellsAnUnknownSubjectFromAnUnknownSchema() {
		this.store.register("s", parse(V1));
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> this.store.lookup("other", parse(V1)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(40401));
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> this.store.lookup("s", parse(V2)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(40403));
	}

	@Test
	void compatibilityCanBeCheckedAgainstOneVersion() {
		this.store.register("s", parse(V1));
		assertThat(this.store.checkCompatibility("s", parse(V2), Optional.of(1))).isEmpty();
		assertThat(this.store.checkCompatibility("s", parse(INCOMPATIBLE), Optional.of(-1))).isNotEmpty();
	}

	private static Schema parse(String text) {
		return new Schema.Parser().parse(text);
	}

}
