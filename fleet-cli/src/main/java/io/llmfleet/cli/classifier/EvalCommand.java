package io.llmfleet.cli.classifier;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.evaluation.CrossValidation;
import io.llmfleet.classifier.evaluation.EvaluationReport;
import io.llmfleet.classifier.evaluation.Prediction;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;

/**
 * {@code fleet classifier eval}: the figures of a model on a labelled file (the shipped
 * model by default), or with {@code --cv} the out-of-fold figures of the training
 * pipeline on that file: {@code kfold:K} or {@code loso} (leave one source out).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
		description = "Evaluate a tier model on labelled JSONL, or cross-validate the training pipeline.")
class EvalCommand implements Callable<Integer> {

	@Option(names = "--data", required = true, description = "Labelled JSONL (prompt, tier, ...)")
	Path data;

	@Option(names = "--model", description = "Model file (default: the shipped model)")
	Path model;

	@Option(names = "--cv", description = "Cross-validate instead: kfold:K or loso")
	String cv;

	@Option(names = "--threshold",
			description = "Confidence threshold (default: fleet.classifier.confidence-threshold of the service)")
	Double threshold;

	@Option(names = "--no-rules", description = "The model alone, without the service's strong-signal rules")
	boolean noRules;

	@Mixin
	TrainingSettings settings;

	@Override
	public Integer call() throws Exception {
		List<LabelledPrompt> rows = TrainingData.read(this.data);
		double threshold = (this.threshold != null) ? this.threshold : Validation.configuredThreshold();
		List<Prediction> predictions;
		List<String> tiers;
		if (this.cv != null) {
			tiers = this.settings.tiers();
			Folds folds = Validation.folds(this.cv, rows, tiers, this.settings.seed);
			System.out.printf("Cross-validation %s of the training pipeline on %s (%d folds)%n", this.cv, this.data,
					folds.count());
			predictions = Validation.crossValidate(rows, tiers, this.settings.trainer(), folds,
					Validation.overrides(!this.noRules, tiers));
		}
		else {
			String location = (this.model != null) ? this.model.toString() : ClassifierProperties.DEFAULT_MODEL;
			TierModel tierModel = ModelLocation.of(location).load();
			tiers = tierModel.tiers();
			System.out.printf("Model %s (%s) on %s%n", tierModel.id(), location, this.data);
			predictions = CrossValidation.predict(tierModel, rows, Validation.overrides(!this.noRules, tiers));
		}
		new EvaluationReport(predictions, tiers, threshold).print(System.out, "loso".equals(this.cv));
		return 0;
	}

}
