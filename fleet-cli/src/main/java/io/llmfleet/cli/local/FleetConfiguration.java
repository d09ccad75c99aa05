package io.llmfleet.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.topic.FleetTopics;

/**
 * The catalogue and topics the local fleet's services run with, bound from the same
 * {@code fleet-defaults.yml} those services read, so the simulator serves exactly the
 * catalogue's models and the topics are created before any service starts.
 *
 * @param catalog the tiers and models
 * @param topics the topic names and partitions
 */
public record FleetConfiguration(FleetCatalog catalog, FleetTopics topics) {

	/** The defaults every service starts from. */
	public static FleetConfiguration defaults() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("fleet-defaults.yml",
					new ClassPathResource("fleet-defaults.yml"));
			sources.forEach(environment.getPropertySources()::addLast);
			Binder binder = new Binder(ConfigurationPropertySources.get(environment));
			return new FleetConfiguration(binder.bindOrCreate("fleet.catalog", FleetCatalog.class),
					binder.bindOrCreate("fleet.topics", FleetTopics.class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read fleet-defaults.yml", ex);
		}
	}

	/** The backend names of the catalogue models served by {@code backend}. */
	public List<String> backendModels(String backend) {
		return this.catalog.models()
			.stream()
			.filter((model) -> model.backend().equals(backend))
			.map(FleetCatalog.Model::backendModel)
			.toList();
	}

}
