package io.llmfleet.cli.classifier;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.cascade.CascadeValidation;
import io.llmfleet.classifier.cascade.HeadFile;
import io.llmfleet.classifier.cascade.HeadModel;
import io.llmfleet.classifier.cascade.SentenceEncoder;
import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.evaluation.CrossValidation;
import io.llmfleet.classifier.evaluation.EvaluationReport;
import io.llmfleet.classifier.evaluation.Overrides;
import io.llmfleet.classifier.evaluation.Prediction;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;

/**
 * {@code fleet classifier eval}: the figures of a model on a labelled file (the shipped
 * model by default), or with {@code --cv} the out-of-fold figures of the training
 * pipeline on that file: {@code kfold:K} or {@code loso} (leave one source out). With
 * {@code --cascade} it reports the first stage, the second stage alone and the cascade
 * side by side, the share of prompts that reach the second stage, and the full report of
 * the cascade; under {@code --cv} the head is retrained per fold.
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

	@Option(names = "--cascade",
			description = "Also the second stage (sentence-embedding head) and the cascade of both stages")
	boolean cascade;

	@Option(names = "--cascade-model", description = "Second-stage head file (default: the shipped head)")
	Path cascadeModel;

	@Mixin
	TrainingSettings settings;

	@Mixin
	CascadeSettings cascadeSettings;

	@Override
	public Integer call() throws Exception {
		List<LabelledPrompt> rows = TrainingData.read(this.data);
		double threshold = (this.threshold != null) ? this.threshold : Validation.configuredThreshold();
		if (this.cascade) {
			return evaluateCascade(rows, threshold);
		}
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
			TierModel tierModel = loadModel();
			tiers = tierModel.tiers();
			predictions = CrossValidation.predict(tierModel, rows, Validation.overrides(!this.noRules, tiers));
		}
		new EvaluationReport(predictions, tiers, threshold).print(System.out, "loso".equals(this.cv));
		return 0;
	}

	private int evaluateCascade(List<LabelledPrompt> rows, double threshold) throws Exception {
		CascadeProperties configured = this.cascadeSettings.configured();
		List<String> prompts = rows.stream().map(LabelledPrompt::prompt).toList();
		CascadeValidation.Stages stages;
		List<String> tiers;
		if (this.cv != null) {
			tiers = this.settings.tiers();
			Folds folds = Validation.folds(this.cv, rows, tiers, this.settings.seed);
			System.out.printf("Cross-validation %s of both stages' training pipelines on %s (%d folds)%n", this.cv,
					this.data, folds.count());
			List<float[]> embeddings;
			try (SentenceEncoder encoder = SentenceEncoder.load(this.cascadeSettings.maxTokens)) {
				embeddings = CascadeSettings.embed(encoder, prompts);
			}
			long start = System.nanoTime();
			stages = CascadeValidation.crossValidate(rows, tiers, this.settings.trainer(),
					this.cascadeSettings.headTrainer(this.settings.seed), embeddings, folds,
					(fold) -> System.err.printf("  fold %d/%d (%s) done, %.0f s%n", fold + 1, folds.count(),
							folds.names().get(fold), (System.nanoTime() - start) / 1e9));
		}
		else {
			TierModel tierModel = loadModel();
			tiers = tierModel.tiers();
			String location = (this.cascadeModel != null) ? this.cascadeModel.toString() : configured.model();
			HeadModel head = HeadFile.load(location);
			System.out.printf("Second stage %s (%s)%n", head.id(), location);
			List<float[]> embeddings;
			try (SentenceEncoder encoder = SentenceEncoder.load(head.maxTokens())) {
				embeddings = CascadeSettings.embed(encoder, prompts);
			}
			stages = CascadeValidation.predict(rows, tierModel, head, embeddings);
		}
		Overrides overrides = Validation.overrides(!this.noRules, tiers);
		CascadeValidation.Outcome outcome = stages.cascade(overrides, configured.threshold(), configured.weight());
		System.out.printf(Locale.ROOT,
				"%nThe cascade (first stage, second stage below cascade threshold %.2f, weight %.2f)%n",
				configured.threshold(), configured.weight());
		new EvaluationReport(outcome.predictions(), tiers, threshold).print(System.out, "loso".equals(this.cv));
		CascadeSettings.printComparison(stages, overrides, tiers, threshold, configured, "loso".equals(this.cv));
		return 0;
	}

	private TierModel loadModel() throws Exception {
		String location = (this.model != null) ? this.model.toString() : ClassifierProperties.DEFAULT_MODEL;
		TierModel tierModel = ModelLocation.of(location).load();
		System.out.printf("Model %s (%s) on %s%n", tierModel.id(), location, this.data);
		return tierModel;
	}

}
