package io.llmfleet.embedded.registry;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.ConfigTombstone;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaTombstone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordCodecTests {

	@Test
	void schemaRecordRoundTripsInConfluentLayout() {
		SchemaRecord record = new SchemaRecord("orders-value", 2, 7, "\"string\"", false);
		assertThat(RecordCodec.key(record))
			.isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":2,\"magic\":1}");
		assertThat(RecordCodec.read(RecordCodec.key(record), RecordCodec.value(record))).contains(record);
	}

	@Test
	void softDeletedSchemaRecordKeepsItsFlag() {
		SchemaRecord record = new SchemaRecord("orders-value", 2, 7, "\"string\"", true);
		assertThat(RecordCodec.value(record)).contains("\"deleted\":true");
		assertThat(RecordCodec.read(RecordCodec.key(record), RecordCodec.value(record))).contains(record);
	}

	@Test
	void globalConfigRecordHasANullSubject() {
		ConfigRecord record = new ConfigRecord(null, CompatibilityLevel.FULL);
		assertThat(RecordCodec.key(record)).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
		assertThat(RecordCodec.value(record)).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
		assertThat(RecordCodec.read(RecordCodec.key(record), RecordCodec.value(record))).contains(record);
	}

	@Test
	void subjectConfigRecordRoundTrips() {
		ConfigRecord record = new ConfigRecord("orders-value", CompatibilityLevel.NONE);
		assertThat(RecordCodec.read(RecordCodec.key(record), RecordCodec.value(record))).contains(record);
	}

	@Test
	void hardDeletesAreTombstonesForTheVersionKey() {
		SchemaTombstone tombstone = new SchemaTombstone("orders-value", 2);
		assertThat(RecordCodec.key(tombstone))
			.isEqualTo(RecordCodec.key(new SchemaRecord("orders-value", 2, 7, "\"string\"", false)));
		assertThat(RecordCodec.value(tombstone)).isNull();
		assertThat(RecordCodec.read(RecordCodec.key(tombstone), null)).contains(tombstone);
	}

	@Test
	void removedLevelsAreTombstonesForTheConfigKey() {
		ConfigTombstone tombstone = new ConfigTombstone("orders-value");
		assertThat(RecordCodec.value(tombstone)).isNull();
		assertThat(RecordCodec.read(RecordCodec.key(tombstone), null)).contains(tombstone);
		assertThat(RecordCodec.read(RecordCodec.key(new ConfigTombstone(null)), null))
			.contains(new ConfigTombstone(null));
	}

	@Test
	void aConfigWithoutALevelMeansNoLevel() {
		assertThat(RecordCodec.read("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}", "{\"normalize\":true}"))
			.contains(new ConfigTombstone("s"));
	}

	@Test
	void keyTypesThisRegistryDoesNotUseAreSkipped() {
		assertThat(RecordCodec.read("{\"keytype\":\"NOOP\",\"magic\":0}", "{}")).isEmpty();
		assertThat(RecordCodec.read("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}", null)).isEmpty();
	}

}
