package io.llmfleet.embedded.registry;

import io.llmfleet.embedded.registry.RegistryRecord.ConfigRecord;
import io.llmfleet.embedded.registry.RegistryRecord.SchemaRecord;
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
	void keyTypesThisRegistryDoesNotUseAreSkipped() {
		assertThat(RecordCodec.read("{\"keytype\":\"NOOP\",\"magic\":0}", "{}")).isEmpty();
	}

	@Test
	void tombstonesAreSkipped() {
		assertThat(RecordCodec.read("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}", null))
			.isEmpty();
	}

}
