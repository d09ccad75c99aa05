package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static io.llmfleet.embedded.registry.LookupFilter.DEFAULT;
import static io.llmfleet.embedded.registry.LookupFilter.DELETED_ONLY;
import static io.llmfleet.embedded.registry.LookupFilter.INCLUDE_DELETED;
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
		assertThat(this.store.usesOf(first, DEFAULT)).extracting(SchemaStore.RegisteredSchema::subject)
			.containsExactly("a-value", "b-value");
	}

	@Test
	void registeringAgainReturnsTheExistingIdWithoutANewVersion() {
		int id = this.store.register("s", parse(V1));
		assertThat(this.store.register("s", parse(V1))).isEqualTo(id);
		assertThat(this.store.versions("s", DEFAULT)).containsExactly(1);
		assertThat(this.log).hasSize(1);
	}

	@Test
	void newSchemasGetNewIdsAndVersions() {
		int first = this.store.register("s", parse(V1));
		int second = this.store.register("s", parse(V2));
		assertThat(second).isEqualTo(first + 1);
		assertThat(this.store.version("s", -1, DEFAULT))
			.isEqualTo(new SchemaStore.RegisteredSchema("s", second, 2, parse(V2).toString()));
	}

	@Test
	void incompatibleSchemaIsRejectedAndNothingIsStored() {
		this.store.register("s", parse(V1));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> this.store.register("s", parse(INCOMPATIBLE)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(409))
			.withMessageContaining("field: 'a'");
		assertThat(this.log).hasSize(1);
	}

	@Test
	void subjectLevelOverridesTheGlobalLevel() {
		this.store.register("s", parse(V1));
		this.store.setLevel("s", CompatibilityLevel.NONE);
		this.store.register("s", parse(INCOMPATIBLE));
		assertThat(this.store.versions("s", DEFAULT)).containsExactly(1, 2);
		assertThat(this.store.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
	}

	@Test
	void failedWriteLeavesTheStateUnchanged() {
		SchemaStore failing = new SchemaStore((record) -> {
			throw RegistryException.storeFailed("writing", new IllegalStateException("broker down"));
		});
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> failing.register("s", parse(V1)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(50001));
		assertThat(failing.subjects(DEFAULT, null)).isEmpty();
	}

	@Test
	void lookupTellsAnUnknownSubjectFromAnUnknownSchema() {
		this.store.register("s", parse(V1));
		assertThatExceptionOfType(RegistryException.class)
			.isThrownBy(() -> this.store.lookup("other", parse(V1), DEFAULT))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(40401));
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> this.store.lookup("s", parse(V2), DEFAULT))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(40403));
	}

	@Test
	void compatibilityCanBeCheckedAgainstOneVersion() {
		this.store.register("s", parse(V1));
		assertThat(this.store.checkCompatibility("s", parse(V2), Optional.of(1))).isEmpty();
		assertThat(this.store.checkCompatibility("s", parse(INCOMPATIBLE), Optional.of(-1))).isNotEmpty();
		assertThat(this.store.checkCompatibility("new-subject", parse(INCOMPATIBLE), Optional.empty())).isEmpty();
	}

	@Test
	void aSoftDeletedVersionIsHiddenButItsIdStaysReadable() {
		int id = this.store.register("s", parse(V1));
		this.store.register("s", parse(V2));

		assertThat(this.store.deleteVersion("s", 1, false)).isEqualTo(1);

		assertThat(this.store.versions("s", DEFAULT)).containsExactly(2);
		assertThat(this.store.versions("s", INCLUDE_DELETED)).containsExactly(1, 2);
		assertThat(this.store.versions("s", DELETED_ONLY)).containsExactly(1);
		assertThat(this.store.schemaById(id)).isEqualTo(parse(V1).toString());
		assertThat(this.store.version("s", 1, INCLUDE_DELETED).id()).isEqualTo(id);
		assertThat(errorCode(() -> this.store.version("s", 1, DEFAULT))).isEqualTo(40402);
		assertThat(errorCode(() -> this.store.lookup("s", parse(V1), DEFAULT))).isEqualTo(40403);
		assertThat(this.store.lookup("s", parse(V1), INCLUDE_DELETED).version()).isEqualTo(1);
	}

	@Test
	void deletingAVersionTwiceOrHardDeletingALiveOneFails() {
		this.store.register("s", parse(V1));
		assertThat(errorCode(() -> this.store.deleteVersion("s", 1, true))).isEqualTo(40407);
		this.store.deleteVersion("s", 1, false);
		assertThat(errorCode(() -> this.store.deleteVersion("s", 1, false))).isEqualTo(40406);
		assertThat(errorCode(() -> this.store.deleteVersion("s", 9, false))).isEqualTo(40402);
		assertThat(errorCode(() -> this.store.deleteVersion("nope", 1, false))).isEqualTo(40401);
	}

	@Test
	void reRegisteringASoftDeletedSchemaGetsANewVersionWithItsOldId() {
		int id = this.store.register("s", parse(V1));
		this.store.deleteVersion("s", 1, false);

		assertThat(this.store.register("s", parse(V1))).isEqualTo(id);

		assertThat(this.store.versions("s", INCLUDE_DELETED)).containsExactly(1, 2);
		assertThat(this.store.version("s", -1, DEFAULT).version()).isEqualTo(2);
	}

	@Test
	void softDeletedVersionsAreNotComparedForCompatibility() {
		this.store.register("s", parse(V1));
		this.store.deleteVersion("s", 1, false);

		this.store.register("s", parse(INCOMPATIBLE));

		assertThat(this.store.versions("s", DEFAULT)).containsExactly(2);
	}

	@Test
	void aHardDeletedVersionIsGoneAndItsIdIsNeverReused() {
		int id = this.store.register("s", parse(V1));
		this.store.deleteVersion("s", 1, false);
		this.store.deleteVersion("s", 1, true);

		assertThat(errorCode(() -> this.store.versions("s", INCLUDE_DELETED))).isEqualTo(40401);
		assertThat(errorCode(() -> this.store.schemaById(id))).isEqualTo(40403);
		assertThat(this.store.register("t", parse(V2))).isEqualTo(id + 1);
		assertThat(this.store.register("s", parse(V1))).isEqualTo(id + 2);
		assertThat(this.store.versions("s", DEFAULT)).containsExactly(1);
	}

	@Test
	void aHardDeletedVersionKeepsAnIdThatAnotherSubjectStillUses() {
		int id = this.store.register("s", parse(V1));
		this.store.register("t", parse(V1));
		this.store.deleteSubject("s", false);
		this.store.deleteSubject("s", true);

		assertThat(this.store.schemaById(id)).isEqualTo(parse(V1).toString());
		assertThat(this.store.subjects(INCLUDE_DELETED, null)).containsExactly("t");
	}

	@Test
	void deletingASubjectSoftThenHardFollowsConfluentsRules() {
		this.store.register("s", parse(V1));
		this.store.register("s", parse(V2));
		this.store.setLevel("s", CompatibilityLevel.NONE);

		assertThat(errorCode(() -> this.store.deleteSubject("s", true))).isEqualTo(40405);
		assertThat(this.store.deleteSubject("s", false)).containsExactly(1, 2);
		assertThat(this.store.subjectLevel("s")).isEmpty();
		assertThat(this.store.subjects(DEFAULT, null)).isEmpty();
		assertThat(this.store.subjects(INCLUDE_DELETED, null)).containsExactly("s");
		assertThat(errorCode(() -> this.store.deleteSubject("s", false))).isEqualTo(40404);
		assertThat(this.store.deleteSubject("s", true)).containsExactly(1, 2);
		assertThat(this.store.subjects(INCLUDE_DELETED, null)).isEmpty();
		assertThat(errorCode(() -> this.store.deleteSubject("s", true))).isEqualTo(40401);
	}

	@Test
	void levelsCanBeDeleted() {
		this.store.register("s", parse(V1));
		this.store.setLevel("s", CompatibilityLevel.FULL);
		this.store.setLevel(null, CompatibilityLevel.NONE);

		assertThat(this.store.deleteLevel("s")).isEqualTo(CompatibilityLevel.FULL);
		assertThat(errorCode(() -> this.store.deleteLevel("s"))).isEqualTo(40408);
		assertThat(errorCode(() -> this.store.deleteLevel("unknown"))).isEqualTo(40401);
		assertThat(this.store.deleteLevel(null)).isEqualTo(CompatibilityLevel.NONE);
		assertThat(this.store.globalLevel()).isEqualTo(SchemaStore.DEFAULT_LEVEL);
	}

	@Test
	void replayingTheLogRebuildsTheSameStateDeletesIncluded() {
		int id1 = this.store.register("s", parse(V1));
		this.store.register("s", parse(V2));
		this.store.setLevel(null, CompatibilityLevel.FULL);
		this.store.setLevel("s", CompatibilityLevel.NONE);
		this.store.register("gone", parse(INCOMPATIBLE));
		this.store.deleteSubject("gone", false);
		this.store.deleteSubject("gone", true);
		this.store.deleteVersion("s", 1, false);

		SchemaStore rebuilt = new SchemaStore((record) -> {
		});
		this.log.forEach(rebuilt::apply);

		assertThat(rebuilt.subjects(INCLUDE_DELETED, null)).containsExactly("s");
		assertThat(rebuilt.versions("s", DEFAULT)).containsExactly(2);
		assertThat(rebuilt.versions("s", INCLUDE_DELETED)).containsExactly(1, 2);
		assertThat(rebuilt.schemaById(id1)).isEqualTo(parse(V1).toString());
		assertThat(rebuilt.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
		assertThat(rebuilt.subjectLevel("s")).contains(CompatibilityLevel.NONE);
		assertThat(rebuilt.maxId()).isEqualTo(3);
		assertThat(rebuilt.register("t", parse("\"string\""))).isEqualTo(4);
	}

	@Test
	void schemasAreListedWithPrefixAndLatestOnly() {
		this.store.register("orders-value", parse(V1));
		this.store.register("orders-value", parse(V2));
		this.store.register("users-value", parse(V1));

		assertThat(this.store.schemas("orders", DEFAULT, false)).extracting(SchemaStore.RegisteredSchema::version)
			.containsExactly(1, 2);
		assertThat(this.store.schemas(null, DEFAULT, true)).extracting(SchemaStore.RegisteredSchema::subject)
			.containsExactly("orders-value", "users-value");
	}

	private static int errorCode(Runnable call) {
		try {
			call.run();
		}
		catch (RegistryException ex) {
			return ex.errorCode();
		}
		throw new AssertionError("expected a RegistryException");
	}

	private static Schema parse(String text) {
		return new Schema.Parser().parse(text);
	}

}
