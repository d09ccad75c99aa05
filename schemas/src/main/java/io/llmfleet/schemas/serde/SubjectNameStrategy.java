package io.llmfleet.schemas.serde;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * The subject a schema is registered under, as Confluent's subject name strategies name
 * it. Chosen with {@code key.subject.name.strategy} /
 * {@code value.subject.name.strategy}, which take Confluent's class names (so one client
 * configuration serves Confluent's serializers and ours), their simple names, or the
 * constant names below in any case.
 */
public enum SubjectNameStrategy {

	/**
	 * {@code <topic>-key} or {@code <topic>-value}: one record type per topic (the
	 * default).
	 */
	TOPIC("io.confluent.kafka.serializers.subject.TopicNameStrategy") {
		@Override
		public String subject(String topic, boolean isKey, Schema schema) {
			return topic + (isKey ? "-key" : "-value");
		}
	},

	/** The record's full name: one subject per record type, across topics. */
	RECORD("io.confluent.kafka.serializers.subject.RecordNameStrategy") {
		@Override
		public String subject(String topic, boolean isKey, Schema schema) {
			return schema.getFullName();
		}
	},

	/**
	 * {@code <topic>-<record full name>}: several record types per topic, each evolving
	 * alone.
	 */
	TOPIC_RECORD("io.confluent.kafka.serializers.subject.TopicRecordNameStrategy") {
		@Override
		public String subject(String topic, boolean isKey, Schema schema) {
			return topic + "-" + schema.getFullName();
		}
	};

	private final String confluentClassName;

	SubjectNameStrategy(String confluentClassName) {
		this.confluentClassName = confluentClassName;
	}

	/**
	 * Names the subject for a record written to a topic.
	 * @param topic the topic
	 * @param isKey whether the record is the key
	 * @param schema the record's schema
	 * @return the subject
	 */
	public abstract String subject(String topic, boolean isKey, Schema schema);

	/** The class name Confluent's serializers know this strategy by. */
	public String confluentClassName() {
		return this.confluentClassName;
	}

	/**
	 * Reads a strategy setting.
	 * @param key the setting's key, for the error message
	 * @param value a class name, simple class name or constant name, or a {@link Class};
	 * null or blank for the default
	 * @return the strategy
	 * @throws ConfigException for any other value
	 */
	static SubjectNameStrategy from(String key, Object value) {
		String name = (value instanceof Class<?> type) ? type.getName() : String.valueOf(value).trim();
		if (value == null || name.isEmpty()) {
			return TOPIC;
		}
		for (SubjectNameStrategy strategy : values()) {
			String simpleName = strategy.confluentClassName.substring(strategy.confluentClassName.lastIndexOf('.') + 1);
			if (name.equals(strategy.confluentClassName) || name.equals(simpleName)
					|| name.equalsIgnoreCase(strategy.name())) {
				return strategy;
			}
		}
		throw new ConfigException(key, name,
				"is not a subject name strategy; use " + TOPIC.confluentClassName + " (the default), "
						+ RECORD.confluentClassName + " or " + TOPIC_RECORD.confluentClassName
						+ ", or their simple names");
	}

}
