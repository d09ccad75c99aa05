package io.llmfleet.schemas.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Reads typed values out of a Kafka client configuration map, where a value may be a
 * string (from a properties file), a boxed number or a list (from code) or Kafka's
 * {@link Password}. A value that does not parse stops configuration with a
 * {@link ConfigException} that quotes it.
 */
final class ConfigValues {

	private final Map<String, ?> configs;

	ConfigValues(Map<String, ?> configs) {
		this.configs = configs;
	}

	/** The trimmed value, empty when the key is absent or blank. */
	Optional<String> string(String key) {
		Object value = this.configs.get(key);
		if (value instanceof Password password) {
			value = password.value();
		}
		if (value instanceof Collection<?> list) {
			// Kafka's LIST settings, such as a URL list built in code.
			value = list.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		return Optional.ofNullable(value).map(Object::toString).map(String::trim).filter((text) -> !text.isEmpty());
	}

	/**
	 * The first of several keys that is set, for settings Confluent accepts under two
	 * names.
	 */
	Optional<String> string(String key, String alternative) {
		return string(key).or(() -> string(alternative));
	}

	int integer(String key, int fallback, int min) {
		long value = number(key, fallback);
		if (value < min || value > Integer.MAX_VALUE) {
			throw new ConfigException(key, this.configs.get(key), "must be an integer of at least " + min);
		}
		return (int) value;
	}

	long number(String key, long fallback) {
		Optional<String> text = string(key);
		if (text.isEmpty()) {
			return fallback;
		}
		try {
			return Long.parseLong(text.get());
		}
		catch (NumberFormatException ex) {
			throw new ConfigException(key, this.configs.get(key), "is not a whole number");
		}
	}

}
