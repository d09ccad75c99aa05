package io.llmfleet.cli.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.rules.RuleSet;
import io.llmfleet.core.catalog.FleetCatalog;

/**
 * A routing policy to replay traffic under: the catalogue ({@code fleet.catalog}: tiers,
 * models, cost weights) and the classifier ({@code fleet.classifier}: model file,
 * confidence threshold, strong-signal rules), bound exactly as the services bind them:
 * the policy file's keys over {@code classifier-service.yml} over
 * {@code fleet-defaults.yml}. The production policy is the one with no file. A relative
 * model path in the policy file is read from the file's directory.
 *
 * @param name what the report calls it
 * @param catalog the tiers and models
 * @param classifier the classifier settings
 * @param model the tier model
 */
public record ReplayPolicy(String name, FleetCatalog catalog, ClassifierProperties classifier, TierModel model) {

	private static final String MODEL_KEY = "fleet.classifier.model";

	/** The policy the services run with by default. */
	public static ReplayPolicy production() {
		return bind("production", null);
	}

	/** The production policy with {@code file}'s settings over it. */
	public static ReplayPolicy load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("Policy file " + file + " does not exist");
		}
		return bind(file.getFileName().toString(), file);
	}

	/** A classifier of this policy deciding with {@code threshold}. */
	public TierClassifier classifierWith(double threshold) {
		// No language identifier: the tier never depends on it, and it is the slow part.
		return new TierClassifier(this.catalog, new RuleSet(this.classifier.rules(), this.catalog), () -> this.model,
				null, threshold);
	}

	/** A classifier of this policy as configured. */
	public TierClassifier tierClassifier() {
		return classifierWith(this.classifier.confidenceThreshold());
	}

	private static ReplayPolicy bind(String name, Path file) {
		StandardEnvironment environment = new StandardEnvironment();
		List<PropertySource<?>> policy = (file != null) ? load("policy " + file, new FileSystemResource(file))
				: List.of();
		List<PropertySource<?>> sources = new ArrayList<>(policy);
		sources.addAll(load("classifier-service.yml", new ClassPathResource("classifier-service.yml")));
		sources.addAll(load("fleet-defaults.yml", new ClassPathResource("fleet-defaults.yml")));
		sources.forEach(environment.getPropertySources()::addLast);
		Binder binder = new Binder(ConfigurationPropertySources.get(environment));
		FleetCatalog catalog;
		ClassifierProperties classifier;
		try {
			catalog = binder.bindOrCreate("fleet.catalog", FleetCatalog.class);
			classifier = binder.bindOrCreate("fleet.classifier", ClassifierProperties.class);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Policy " + name + " is not valid: " + rootMessage(ex), ex);
		}
		if (classifier.confidenceThreshold() < 0 || classifier.confidenceThreshold() > 1) {
			throw new IllegalArgumentException("Policy " + name + ": fleet.classifier.confidence-threshold must be"
					+ " between 0 and 1 but was " + classifier.confidenceThreshold());
		}
		String location = classifier.model();
		boolean setByFile = policy.stream().anyMatch((source) -> source.containsProperty(MODEL_KEY));
		ModelLocation model = ModelLocation.of(location);
		if (setByFile && model.file() != null && !model.file().isAbsolute()) {
			Path base = file.toAbsolutePath().getParent();
			model = ModelLocation.of(base.resolve(model.file()).toString());
		}
		try {
			TierModel tierModel = model.load();
			TierClassifier.requireKnownTiers(tierModel, catalog);
			return new ReplayPolicy(name, catalog, classifier, tierModel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Policy " + name + ": cannot read the tier model " + model.location(), ex);
		}
	}

	private static List<PropertySource<?>> load(String name, Resource resource) {
		try {
			return new YamlPropertySourceLoader().load(name, resource);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + name, ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

}
