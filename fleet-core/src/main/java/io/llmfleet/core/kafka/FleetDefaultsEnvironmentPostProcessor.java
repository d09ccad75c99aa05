package io.llmfleet.core.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code fleet-defaults.yml} as the lowest-precedence property source of every fleet
 * service: the local broker and registry, the Avro serde, committed reads,
 * {@code linger.ms=0} on the latency path, and the default tiers and catalogue. Anything
 * a service or its user configures wins.
 */
public class FleetDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String DEFAULTS = "fleet-defaults.yml";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load(DEFAULTS,
					new ClassPathResource(DEFAULTS))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DEFAULTS, ex);
		}
	}

}
