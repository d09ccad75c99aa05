package io.llmfleet.core.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.serializer.DeserializationException;

import io.llmfleet.schemas.PoisonCause;
import io.llmfleet.schemas.registry.SchemaRegistryException;
import io.llmfleet.schemas.serde.PoisonRecordException;

/**
 * What went wrong with a record, read from the exception its listener container reports:
 * the record is poison (its bytes cannot become the record the topic carries), its
 * handling failed, or it could not be read because the schema registry is away, which is
 * no fault of the record.
 */
sealed interface RecordFailure {

	/**
	 * The record is poison.
	 *
	 * @param cause why
	 * @param reason the deserializer's or listener's explanation
	 * @param decoded the record as decoded, for a record of the wrong type; else null
	 * @param rawKey the key bytes, where a failed key deserializer kept them; else null
	 * @param rawValue the value bytes as written, where the deserializer kept them
	 */
	record Poison(PoisonCause cause, String reason, Object decoded, byte[] rawKey,
			byte[] rawValue) implements RecordFailure {
	}

	/**
	 * The record was decoded but its listener kept failing on it.
	 *
	 * @param value the decoded value
	 * @param reason the root cause's message
	 */
	record HandlingFailed(Object value, String reason) implements RecordFailure {
	}

	/**
	 * The writer's schema could not be fetched: the record may be fine, so it is read
	 * again rather than dead-lettered.
	 *
	 * @param reason the registry client's message
	 */
	record RegistryUnavailable(String reason) implements RecordFailure {
	}

	/** Classifies {@code exception}, thrown for {@code record}. */
	static RecordFailure of(ConsumerRecord<?, ?> record, Exception exception) {
		DeserializationException undecodable = find(exception, DeserializationException.class);
		if (undecodable != null) {
			PoisonRecordException poison = find(undecodable, PoisonRecordException.class);
			SchemaRegistryException registry = find(undecodable, SchemaRegistryException.class);
			if (poison == null && registry != null && !registry.isNotFound()) {
				return new RegistryUnavailable(rootMessage(undecodable));
			}
			byte[] data = undecodable.getData();
			if (poison == null) {
				// Another deserializer's failure, or ours after Spring could not carry it
				// whole.
				return new Poison(PoisonCause.UNDECODABLE, rootMessage(undecodable), null,
						undecodable.isKey() ? data : null, undecodable.isKey() ? null : data);
			}
			return new Poison(poison.poisonCause(), poison.getMessage(), poison.record().orElse(null),
					undecodable.isKey() ? data : null, undecodable.isKey() ? null : data);
		}
		if (find(exception, ClassCastException.class) != null) {
			// A consumer without specific.avro.value.type got a record of another type;
			// its bytes are gone, the decoded record is at hand.
			return new Poison(PoisonCause.WRONG_TYPE, rootMessage(exception), record.value(), null, null);
		}
		return new HandlingFailed(record.value(), rootMessage(exception));
	}

	private static <X extends Throwable> X find(Throwable exception, Class<X> type) {
		for (Throwable t = exception; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static String rootMessage(Throwable exception) {
		Throwable root = exception;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
