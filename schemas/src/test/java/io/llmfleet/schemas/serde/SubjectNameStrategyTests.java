package io.llmfleet.schemas.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SubjectNameStrategyTests {

	private static final Schema SCHEMA = InferenceRequest.getClassSchema();

	@Test
	void strategiesNameSubjectsAsConfluentsDo() {
		assertThat(SubjectNameStrategy.TOPIC.subject("fleet.requests", false, SCHEMA))
			.isEqualTo("fleet.requests-value");
		assertThat(SubjectNameStrategy.TOPIC.subject("fleet.requests", true, SCHEMA)).isEqualTo("fleet.requests-key");
		assertThat(SubjectNameStrategy.RECORD.subject("fleet.requests", false, SCHEMA))
			.isEqualTo("io.llmfleet.schemas.InferenceRequest");
		assertThat(SubjectNameStrategy.TOPIC_RECORD.subject("fleet.requests", true, SCHEMA))
			.isEqualTo("fleet.requests-io.llmfleet.schemas.InferenceRequest");
	}

	@Test
	void acceptsConfluentClassNamesSimpleNamesAndConstantNames() {
		assertThat(SubjectNameStrategy.from("k", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy"))
			.isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
		assertThat(SubjectNameStrategy.from("k", "RecordNameStrategy")).isEqualTo(SubjectNameStrategy.RECORD);
		assertThat(SubjectNameStrategy.from("k", "topic_record")).isEqualTo(SubjectNameStrategy.TOPIC_RECORD);
	}

	@Test
	void absentOrBlankMeansTopicName() {
		assertThat(SubjectNameStrategy.from("k", null)).isEqualTo(SubjectNameStrategy.TOPIC);
		assertThat(SubjectNameStrategy.from("k", " ")).isEqualTo(SubjectNameStrategy.TOPIC);
	}

	@Test
	void aClassFromAnotherPackageIsRefused() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> SubjectNameStrategy.from("value.subject.name.strategy", "com.example.TopicNameStrategy"))
			.withMessageContaining("com.example.TopicNameStrategy");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> SubjectNameStrategy.from("k", String.class))
			.withMessageContaining("java.lang.String");
	}

}
