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
import io.llmfleet.classifier.cascade.SentenceEncoder;
import io.llmfleet.classifier.evaluation.Prediction;
import io.llmfleet.classifier.evaluation.RoutingMetrics;
import io.llmfleet.classifier.evaluation.ThresholdSearch;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;

/**
 * {@code fleet classifier calibrate}: picks {@code fleet.classifier.confidence-threshold}
 * from out-of-fold predictions of the training pipeline, the smallest threshold whose
 * under-routing is within the target, and reports what it costs in over-routing. With
 * {@code --cascade} the threshold is picked on the cascade's output.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
		description = "Pick the confidence threshold that meets an under-routing target on out-of-fold predictions.")
class CalibrateCommand implements Callable<Integer> {

	private static final double[] GRID = { 0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };

	@Option(names = "--data", required = true, description = "Labelled JSONL (prompt, tier, ...)")
	Path data;

	@Option(names = "--target-under-routing", defaultValue = "0.02",
			description = "Largest share of heavier-than-lightest prompts sent lighter (default: ${DEFAULT-VALUE})")
	double target;

	@Option(names = "--cv", defaultValue = "kfold:5",
			description = "Out-of-fold predictions from kfold:K or loso (default: ${DEFAULT-VALUE})")
	String cv;

	@Option(names = "--no-rules", description = "The model alone, without the service's strong-signal rules")
	boolean noRules;

	@Option(names = "--cascade",
			description = "Calibrate on the cascade's output (first stage, second stage when unsure) instead")
	boolean cascade;

	@Mixin
	TrainingSettings settings;

	@Mixin
	CascadeSettings cascadeSettings;

	@Override
	public Integer call() throws Exception {
		List<LabelledPrompt> rows = TrainingData.read(this.data);
		List<String> tiers = this.settings.tiers();
		Folds folds = Validation.folds(this.cv, rows, tiers, this.settings.seed);
		System.out.printf("Out-of-fold predictions (%s) on %s%n", this.cv, this.data);
		List<Prediction> predictions = this.cascade ? cascadePredictions(rows, tiers, folds) : Validation
			.crossValidate(rows, tiers, this.settings.trainer(), folds, Validation.overrides(!this.noRules, tiers));
		System.out.printf("%n%-10s %9s %9s %9s %9s%n", "threshold", "accuracy", "under", "under/all", "over");
		for (double threshold : GRID) {
			print(String.format(Locale.ROOT, "%.2f", threshold),
					RoutingMetrics.of(predictions, tiers.size(), threshold));
		}
		ThresholdSearch.Choice choice = ThresholdSearch.choose(predictions, tiers.size(), this.target);
		System.out.println();
		print(String.format(Locale.ROOT, "%.4f", choice.threshold()), choice.metrics());
		if (choice.meetsTarget()) {
			System.out.printf(Locale.ROOT,
					"%nThreshold %.4f meets under-routing <= %.3f (%.4f); it costs over-routing %.4f (%.4f at"
							+ " threshold 0).%nSet fleet.classifier.confidence-threshold: %.2f%n",
					choice.threshold(), this.target, choice.metrics().underRouted(), choice.metrics().overRouted(),
					RoutingMetrics.of(predictions, tiers.size(), 0).overRouted(),
					Math.ceil(choice.threshold() * 100 - 1e-6) / 100);
			return 0;
		}
		System.out.printf(Locale.ROOT,
				"%nNo threshold meets under-routing <= %.3f: the least is %.4f at threshold %.4f (over-routing %.4f)."
						+ "%nSome prompts are confidently two tiers too light; a threshold cannot fix those.%n",
				this.target, choice.metrics().underRouted(), choice.threshold(), choice.metrics().overRouted());
		return 1;
	}

	private List<Prediction> cascadePredictions(List<LabelledPrompt> rows, List<String> tiers, Folds folds) {
		CascadeProperties configured = this.cascadeSettings.configured();
		List<float[]> embeddings;
		try (SentenceEncoder encoder = SentenceEncoder.load(this.cascadeSettings.maxTokens)) {
			embeddings = CascadeSettings.embed(encoder, rows.stream().map(LabelledPrompt::prompt).toList());
		}
		long start = System.nanoTime();
		CascadeValidation.Stages stages = CascadeValidation.crossValidate(rows, tiers, this.settings.trainer(),
				this.cascadeSettings.headTrainer(this.settings.seed), embeddings, folds,
				(fold) -> System.err.printf("  fold %d/%d (%s) done, %.0f s%n", fold + 1, folds.count(),
						folds.names().get(fold), (System.nanoTime() - start) / 1e9));
		CascadeValidation.Outcome outcome = stages.cascade(Validation.overrides(!this.noRules, tiers),
				configured.threshold(), configured.weight());
		System.out.printf(Locale.ROOT,
				"The cascade's output: second stage below first-stage confidence %.2f,"
						+ " weight %.2f; %.4f of prompts reach it%n",
				configured.threshold(), configured.weight(), outcome.share());
		return outcome.predictions();
	}

	private static void print(String threshold, RoutingMetrics metrics) {
		System.out.printf(Locale.ROOT, "%-10s %9.4f %9.4f %9.4f %9.4f%n", threshold, metrics.routedAccuracy(),
				metrics.underRouted(), metrics.underRoutedOfAll(), metrics.overRouted());
	}

}
