package io.llmfleet.cli.classifier;

import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;

import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.cascade.CascadeValidation;
import io.llmfleet.classifier.cascade.Embeddings;
import io.llmfleet.classifier.cascade.HeadTrainer;
import io.llmfleet.classifier.cascade.SentenceEncoder;
import io.llmfleet.classifier.evaluation.EvaluationReport;
import io.llmfleet.classifier.evaluation.Overrides;
import io.llmfleet.classifier.evaluation.Prediction;
import io.llmfleet.classifier.evaluation.RoutingMetrics;
import io.llmfleet.classifier.evaluation.ThresholdSearch;
import io.llmfleet.classifier.training.TrainingOptions;

/**
 * The options of the cascade's second stage that {@code train}, {@code eval} and
 * {@code calibrate} share. The cascade threshold and weight default to the service's
 * configuration ({@code fleet.classifier.cascade.*} in {@code classifier-service.yml}),
 * the head's training options to those the shipped head is trained with.
 */
class CascadeSettings {

	private static final TrainingOptions HEAD = HeadTrainer.defaults();

	/** The bar's under-routing, at which the stages are also compared. */
	private static final double EQUAL_UNDER_ROUTING = 0.05;

	@Option(names = "--cascade-threshold",
			description = "Below this first-stage confidence the second stage is asked (default: the service's"
					+ " fleet.classifier.cascade.threshold)")
	Double threshold;

	@Option(names = "--cascade-weight",
			description = "The second stage's share of the cascade's probabilities (default: the service's"
					+ " fleet.classifier.cascade.weight)")
	Double weight;

	@Option(names = "--head-l2", description = "L2 penalty of the second-stage head (default: ${DEFAULT-VALUE})")
	double headL2 = HEAD.l2();

	@Option(names = "--max-tokens",
			description = "Tokens of a prompt the sentence encoder reads (default: ${DEFAULT-VALUE})")
	int maxTokens = SentenceEncoder.DEFAULT_MAX_TOKENS;

	CascadeProperties configured() {
		CascadeProperties service = Validation.configuredCascade();
		return new CascadeProperties(service.enabled(), service.model(),
				(this.threshold != null) ? this.threshold : service.threshold(),
				(this.weight != null) ? this.weight : service.weight());
	}

	HeadTrainer headTrainer(long seed) {
		return new HeadTrainer(new TrainingOptions(this.headL2, HEAD.maxIterations(), HEAD.tolerance(), HEAD.minCount(),
				HEAD.balanced(), HEAD.calibrationFolds(), seed));
	}

	/** Embeds every prompt, telling progress and speed on standard error. */
	static List<float[]> embed(SentenceEncoder encoder, List<String> prompts) {
		long start = System.nanoTime();
		int threads = Runtime.getRuntime().availableProcessors();
		System.err.printf("  embedding %d prompts with %s on %d threads%n", prompts.size(), encoder.id(), threads);
		List<float[]> embeddings = Embeddings.of(encoder, prompts, threads, (done) -> System.err
			.printf("  embedded %d/%d, %.0f s%n", done, prompts.size(), (System.nanoTime() - start) / 1e9));
		return embeddings;
	}

	/**
	 * Prints each stage's figures, the cascade's and its share reaching the second stage,
	 * then how they move with the cascade threshold and weight.
	 */
	static void printComparison(CascadeValidation.Stages stages, Overrides overrides, List<String> tiers,
			double routingThreshold, CascadeProperties cascade, boolean perSource) {
		int classes = tiers.size();
		CascadeValidation.Outcome outcome = stages.cascade(overrides, cascade.threshold(), cascade.weight());
		System.out.printf(Locale.ROOT, "%nStages at confidence threshold %.3f (cascade threshold %.2f, weight %.2f)%n",
				routingThreshold, cascade.threshold(), cascade.weight());
		System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s %8s %8s %8s %8s %8s %8s%n", "", "accuracy", "macro-F1",
				"routed", "r.macroR", "under", "over", "ECE", "src.rout", "stage 2");
		row("first stage", stages.firstStage(overrides), tiers, routingThreshold, 0);
		row("second stage", stages.secondStage(overrides), tiers, routingThreshold, 1);
		row("cascade", outcome.predictions(), tiers, routingThreshold, outcome.share());
		if (perSource) {
			System.out.println("(src.rout: mean of per-source routed accuracies, the LOSO macro accuracy)");
		}
		System.out.printf(Locale.ROOT, "%d of %d prompts (%.4f) reached the second stage%n", outcome.consulted(),
				outcome.predictions().size(), outcome.share());
		// Like for like: each at the confidence threshold 'calibrate' would pick for it.
		System.out.printf(Locale.ROOT, "%nEach at its own confidence threshold for under-routing <= %.2f%n",
				EQUAL_UNDER_ROUTING);
		System.out.printf(Locale.ROOT, "%-14s %9s %8s %8s %8s %8s %8s%n", "", "threshold", "routed", "r.macroR",
				"under", "over", "src.rout");
		atEqualUnderRouting("first stage", stages.firstStage(overrides), tiers);
		atEqualUnderRouting("second stage", stages.secondStage(overrides), tiers);
		atEqualUnderRouting("cascade", outcome.predictions(), tiers);
		System.out.printf(Locale.ROOT,
				"%nCascade threshold x weight (routed accuracy / under-routing / share asked)%n");
		double[] weights = { 0.5, 0.7, 1.0 };
		System.out.printf("%-10s", "threshold");
		for (double w : weights) {
			System.out.printf(Locale.ROOT, " %26s", String.format(Locale.ROOT, "weight %.1f", w));
		}
		System.out.println();
		for (double t : new double[] { 0.5, 0.6, 0.67, 0.75, 0.8, 0.9, 1.0 }) {
			System.out.printf(Locale.ROOT, "%-10.2f", t);
			for (double w : weights) {
				CascadeValidation.Outcome o = stages.cascade(overrides, t, w);
				RoutingMetrics m = RoutingMetrics.of(o.predictions(), classes, routingThreshold);
				System.out.printf(Locale.ROOT, " %8.4f / %7.4f / %6.3f", m.routedAccuracy(), m.underRouted(),
						o.share());
			}
			System.out.println();
		}
	}

	private static void atEqualUnderRouting(String name, List<Prediction> predictions, List<String> tiers) {
		ThresholdSearch.Choice choice = ThresholdSearch.choose(predictions, tiers.size(), EQUAL_UNDER_ROUTING);
		RoutingMetrics metrics = choice.metrics();
		System.out.printf(Locale.ROOT, "%-14s %9.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", name, choice.threshold(),
				metrics.routedAccuracy(), metrics.routedMacroRecall(), metrics.underRouted(), metrics.overRouted(),
				new EvaluationReport(predictions, tiers, choice.threshold()).meanSourceRoutedAccuracy());
	}

	private static void row(String name, List<Prediction> predictions, List<String> tiers, double threshold,
			double share) {
		EvaluationReport report = new EvaluationReport(predictions, tiers, threshold);
		RoutingMetrics metrics = report.overall();
		System.out.printf(Locale.ROOT, "%-14s %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f%n", name,
				metrics.accuracy(), metrics.macroF1(), metrics.routedAccuracy(), metrics.routedMacroRecall(),
				metrics.underRouted(), metrics.overRouted(), metrics.ece(), report.meanSourceRoutedAccuracy(), share);
	}

}
