package io.llmfleet.worker.runtime;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.beans.BeanUtils;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.util.ClassUtils;

import io.llmfleet.schemas.RoutedRequest;

/**
 * Reads a record's value bytes again with a value deserializer configured as the
 * consumer's, for a record that could not be read while the schema registry was away. A
 * value that still cannot be read comes back as it came: null, with the deserializer's
 * exception in its header. Thread-safe; a rare path, so one record at a time.
 */
final class RecordDecoder implements AutoCloseable {

	private final Deserializer<?> deserializer;

	/**
	 * Creates the deserializer the consumer configuration names.
	 * @param consumerConfig the consumer's configuration, overrides included
	 */
	RecordDecoder(Map<String, Object> consumerConfig) {
		this.deserializer = instantiate(consumerConfig.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
		this.deserializer.configure(consumerConfig, false);
	}

	/**
	 * Reads the value of a record that could not be read again.
	 * @param record the record, its value null
	 * @param undecodable why it could not be read, with its bytes
	 * @return the record with its value, or again with the reason it cannot be read in
	 * its headers
	 */
	synchronized ConsumerRecord<String, RoutedRequest> decode(ConsumerRecord<String, RoutedRequest> record,
			DeserializationException undecodable) {
		Headers headers = new RecordHeaders(record.headers().toArray());
		headers.remove(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER);
		Object value = this.deserializer.deserialize(record.topic(), headers, undecodable.getData());
		RoutedRequest routed = (value instanceof RoutedRequest request) ? request : null;
		return new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.timestamp(),
				record.timestampType(), record.serializedKeySize(), record.serializedValueSize(), record.key(), routed,
				headers, record.leaderEpoch(), Optional.empty());
	}

	@Override
	public void close() {
		this.deserializer.close();
	}

	private static Deserializer<?> instantiate(Object configured) {
		try {
			Class<?> type = (configured instanceof Class<?> given) ? given
					: ClassUtils.forName(String.valueOf(configured), RecordDecoder.class.getClassLoader());
			return (Deserializer<?>) BeanUtils.instantiateClass(type);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Cannot load the value deserializer " + configured + ": " + ex, ex);
		}
	}

}
