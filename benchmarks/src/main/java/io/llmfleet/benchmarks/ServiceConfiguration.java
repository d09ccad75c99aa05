package io.llmfleet.benchmarks;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import io.llmfleet.classifier.rules.Rule;
import io.llmfleet.core.catalog.FleetCatalog;

/**
 * The catalogue, rules and threshold the classifier service runs with, bound from the
 * same {@code fleet-defaults.yml} and {@code classifier-service.yml}, so the benchmark
 * measures the decision as it is configured.
 *
 * @param catalog the tiers and models
 * @param rules the strong-signal rules
 * @param threshold the confidence threshold
 */
record ServiceConfiguration(FleetCatalog catalog, List<Rule> rules, double threshold) {

	static ServiceConfiguration load() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
		for (String file : List.of("classifier-service.yml", "fleet-defaults.yml")) {
			loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
		}
		Binder binder = Binder.get(environment);
		return new ServiceConfiguration(binder.bindOrCreate("fleet.catalog", FleetCatalog.class),
				binder.bind("fleet.classifier.rules", Bindable.listOf(Rule.class)).orElse(List.of()),
				binder.bind("fleet.classifier.confidence-threshold", Double.class).orElse(0.5));
	}

}
