package io.llmfleet.cli.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.evaluation.CrossValidation;
import io.llmfleet.classifier.evaluation.Overrides;
import io.llmfleet.classifier.evaluation.Prediction;
import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.rules.Rule;
import io.llmfleet.classifier.rules.RuleSet;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.cli.local.FleetConfiguration;

/**
 * What {@code eval} and {@code calibrate} share: parsing {@code --cv}, running the folds
 * with progress on standard error, and the threshold and strong-signal rules the service
 * is configured with (its {@code classifier-service.yml}), so that the figures are those
 * of the first stage as it serves.
 */
final class Validation {

	private Validation() {
	}

	/** Folds for {@code kfold:K} or {@code loso}. */
	static Folds folds(String cv, List<LabelledPrompt> rows, List<String> tiers, long seed) {
		if (cv.equals("loso")) {
			return Folds.bySource(rows.stream().map(LabelledPrompt::source).toList());
		}
		if (cv.startsWith("kfold:")) {
			try {
				int k = Integer.parseInt(cv.substring("kfold:".length()));
				return Folds.stratified(ModelTrainer.labels(rows, tiers), k, seed);
			}
			catch (NumberFormatException ex) {
				// Falls through to the message below.
			}
		}
		throw new IllegalArgumentException("--cv must be 'kfold:K' (K >= 2) or 'loso', was '" + cv + "'");
	}

	/** Out-of-fold predictions, telling progress on standard error. */
	static List<Prediction> crossValidate(List<LabelledPrompt> rows, List<String> tiers, ModelTrainer trainer,
			Folds folds, Overrides overrides) {
		long start = System.nanoTime();
		return CrossValidation.run(rows, tiers, trainer, folds, overrides,
				(fold) -> System.err.printf("  fold %d/%d (%s) done, %.0f s%n", fold + 1, folds.count(),
						folds.names().get(fold), (System.nanoTime() - start) / 1e9));
	}

	/**
	 * {@code fleet.classifier.confidence-threshold} from the service's own configuration.
	 */
	static double configuredThreshold() {
		return Binder.get(serviceEnvironment()).bind("fleet.classifier.confidence-threshold", Double.class).orElse(0.5);
	}

	/** {@code fleet.classifier.cascade} from the service's own configuration. */
	static CascadeProperties configuredCascade() {
		return Binder.get(serviceEnvironment())
			.bind("fleet.classifier.cascade", CascadeProperties.class)
			.orElse(CascadeProperties.defaults());
	}

	/**
	 * The strong-signal rules of the service's own configuration, as the request path
	 * applies them, or none.
	 */
	static Overrides overrides(boolean withRules, List<String> tiers) {
		if (!withRules) {
			return Overrides.NONE;
		}
		List<Rule> rules = Binder.get(serviceEnvironment())
			.bind("fleet.classifier.rules", Bindable.listOf(Rule.class))
			.orElse(List.of());
		RuleSet ruleSet = new RuleSet(rules, FleetConfiguration.defaults().catalog());
		return TierClassifier.ruleOverrides(ruleSet, tiers, FeatureSpec.defaults().maxChars());
	}

	private static StandardEnvironment serviceEnvironment() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("classifier-service.yml",
					new ClassPathResource("classifier-service.yml"));
			sources.forEach(environment.getPropertySources()::addLast);
			return environment;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read classifier-service.yml", ex);
		}
	}

}
