package io.llmfleet.cli.classifier;

import java.util.List;

import picocli.CommandLine.Option;

import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.TrainingOptions;
import io.llmfleet.cli.local.FleetConfiguration;

/**
 * The options every command that trains shares; their defaults are the ones the shipped
 * model is trained with, so the documented command needs none of them.
 */
class TrainingSettings {

	private static final TrainingOptions DEFAULTS = TrainingOptions.defaults();

	@Option(names = "--l2", description = "L2 penalty (default: ${DEFAULT-VALUE})")
	double l2 = DEFAULTS.l2();

	@Option(names = "--iterations", description = "Most L-BFGS iterations (default: ${DEFAULT-VALUE})")
	int iterations = DEFAULTS.maxIterations();

	@Option(names = "--min-count", description = "Least examples a feature must occur in (default: ${DEFAULT-VALUE})")
	int minCount = DEFAULTS.minCount();

	@Option(names = "--calibration-folds",
			description = "Folds of out-of-fold predictions for the temperature (default: ${DEFAULT-VALUE})")
	int calibrationFolds = DEFAULTS.calibrationFolds();

	@Option(names = "--seed", description = "Seed of the fold assignment (default: ${DEFAULT-VALUE})")
	long seed = DEFAULTS.seed();

	@Option(names = "--unbalanced", description = "Do not weight tiers equally")
	boolean unbalanced;

	@Option(names = "--tiers", split = ",",
			description = "Tiers, lightest first (default: the catalogue's, from fleet-defaults.yml)")
	List<String> tiers;

	TrainingOptions options() {
		return new TrainingOptions(this.l2, this.iterations, DEFAULTS.tolerance(), this.minCount, !this.unbalanced,
				this.calibrationFolds, this.seed);
	}

	ModelTrainer trainer() {
		return new ModelTrainer(FeatureSpec.defaults(), options());
	}

	List<String> tiers() {
		return (this.tiers != null) ? this.tiers : FleetConfiguration.defaults().catalog().tierNames();
	}

}
