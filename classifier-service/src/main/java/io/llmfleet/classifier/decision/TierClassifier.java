package io.llmfleet.classifier.decision;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.classifier.cascade.Cascade;
import io.llmfleet.classifier.evaluation.Overrides;
import io.llmfleet.classifier.features.PromptSignals;
import io.llmfleet.classifier.language.LanguageIdentifier;
import io.llmfleet.classifier.model.ModelFileException;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.classifier.rules.ClassifierDecision.Classified;
import io.llmfleet.classifier.rules.ClassifierDecision.Rejected;
import io.llmfleet.classifier.rules.RequestValidator;
import io.llmfleet.classifier.rules.RuleSet;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;

/**
 * Decides a request's tier on the request path. In order: an invalid request is rejected
 * with what to change; an explicit model pin wins (the model's tier, confidence 1); a
 * matching strong-signal rule overrides the model (its tier and configured confidence);
 * otherwise the learned model's most probable tier, or, with a cascade and a first-stage
 * confidence below the cascade threshold, the tier of the first and second stages'
 * combined probabilities; when that calibrated confidence is below the threshold, one
 * tier heavier, or the runner-up tier when that is heavier still. A tier hint can then
 * only make the tier heavier. Every classification carries the {@code name@version} of
 * the stage that decided (the second stage's when it was asked), the tier probabilities,
 * capability tags, complexity, token estimate and language. Thread-safe; the model may be
 * swapped underneath at any time.
 */
public class TierClassifier {

	private static final Logger logger = LoggerFactory.getLogger(TierClassifier.class);

	private final FleetCatalog catalog;

	private final RequestValidator validator;

	private final RuleSet rules;

	private final Supplier<TierModel> model;

	private final LanguageIdentifier languages;

	private final double threshold;

	private final Cascade cascade;

	/**
	 * A classifier.
	 * @param catalog the tiers and models
	 * @param rules the strong-signal overrides
	 * @param model the learned model in service, read once per request (it may be
	 * swapped)
	 * @param languages the language identifier, or {@code null} to leave language empty
	 * @param threshold the confidence below which a request goes one tier heavier
	 */
	public TierClassifier(FleetCatalog catalog, RuleSet rules, Supplier<TierModel> model, LanguageIdentifier languages,
			double threshold) {
		this(catalog, rules, model, languages, threshold, null);
	}

	/**
	 * A classifier with a second stage.
	 * @param catalog the tiers and models
	 * @param rules the strong-signal overrides
	 * @param model the learned first stage in service, read once per request (it may be
	 * swapped)
	 * @param languages the language identifier, or {@code null} to leave language empty
	 * @param threshold the confidence (of the cascade's output) below which a request
	 * goes one tier heavier
	 * @param cascade when to ask the second stage and how to combine, or {@code null} for
	 * the first stage alone
	 */
	public TierClassifier(FleetCatalog catalog, RuleSet rules, Supplier<TierModel> model, LanguageIdentifier languages,
			double threshold, Cascade cascade) {
		this.catalog = catalog;
		this.validator = new RequestValidator(catalog);
		this.rules = rules;
		this.model = model;
		this.languages = languages;
		this.threshold = threshold;
		this.cascade = cascade;
	}

	/**
	 * Checks that a model's tiers are all configured tiers; the reloader calls it before
	 * it serves a new model.
	 */
	public static void requireKnownTiers(TierModel model, FleetCatalog catalog) {
		for (String tier : model.tiers()) {
			if (!catalog.hasTier(tier)) {
				throw ModelFileException.incompatible(model.id(),
						"its tier '" + tier + "' is not one of the configured tiers " + catalog.tierNames());
			}
		}
	}

	/**
	 * The strong-signal rules as evaluation applies them: the probabilities a matching
	 * rule leaves, for the model's tiers.
	 */
	public static Overrides ruleOverrides(RuleSet rules, List<String> tiers, int maxChars) {
		return (prompt, probabilities) -> {
			PromptSignals signals = PromptSignals.of(prompt, maxChars);
			int tokens = Capabilities.promptTokens(prompt, signals);
			return rules.strongest(prompt, tokens, signals.targetWords())
				.map((match) -> RuleSet.override(probabilities, tiers, match))
				.orElse(probabilities);
		};
	}

	/** Classifies {@code request}, or says why it cannot be served. */
	public ClassifierDecision classify(InferenceRequest request) {
		Optional<String> problem = this.validator.problem(request);
		if (problem.isPresent()) {
			return new Rejected(problem.get());
		}
		String prompt = RequestValidator.promptOf(request);
		TierModel current = this.model.get();
		TierModel.Scored scored = current.score(prompt);
		double[] probabilities = scored.probabilities();
		int promptTokens = Capabilities.promptTokens(prompt, scored.signals());
		Optional<RuleSet.Match> rule = this.rules.strongest(prompt, promptTokens, scored.signals().targetWords());
		String tier;
		double confidence;
		String decidedBy;
		String classifier = current.id();
		if (request.getModel() != null) {
			tier = this.catalog.model(request.getModel()).orElseThrow().tier();
			confidence = 1.0;
			decidedBy = "pin";
		}
		else if (rule.isPresent()) {
			tier = rule.get().tier();
			confidence = rule.get().confidence();
			decidedBy = "rule " + rule.get().name();
			probabilities = RuleSet.override(probabilities, current.tiers(), rule.get());
		}
		else {
			decidedBy = current.id();
			if (this.cascade != null && this.cascade.second().tiers().equals(current.tiers())) {
				double[] decided = this.cascade.decide(probabilities, prompt);
				// the same array back: the first stage was sure enough to decide alone
				if (decided != probabilities) {
					probabilities = decided;
					decidedBy = this.cascade.second().id();
				}
			}
			int best = argmax(probabilities);
			tier = current.tiers().get(best);
			confidence = probabilities[best];
			classifier = decidedBy;
			if (confidence < this.threshold) {
				// Unsure: one tier heavier, or the runner-up when that is heavier still
				// (torn
				// between the lightest and the heaviest tier, the heaviest is the safe
				// side).
				String runnerUp = current.tiers().get(runnerUp(probabilities, best));
				tier = this.catalog.heavierOf(this.catalog.heavierThan(tier), runnerUp);
				decidedBy += " below threshold";
			}
		}
		if (request.getModel() == null && request.getTierHint() != null) {
			tier = this.catalog.heavierOf(tier, request.getTierHint());
		}
		Map<String, Double> scores = new HashMap<>();
		for (int c = 0; c < probabilities.length; c++) {
			scores.put(current.tiers().get(c), probabilities[c]);
		}
		String ruleCapability = rule.map(RuleSet.Match::capability).orElse(null);
		Classification classification = Classification.newBuilder()
			.setTier(tier)
			.setConfidence(confidence)
			.setTierScores((request.getModel() != null) ? Map.of(tier, 1.0) : scores)
			.setCapabilities(Capabilities.of(scored.signals(), probabilities[probabilities.length - 1], ruleCapability))
			.setLanguage((this.languages != null) ? this.languages.identify(prompt) : null)
			.setComplexity(Capabilities.complexity(probabilities, promptTokens))
			.setEstPromptTokens(promptTokens)
			.setClassifier(classifier)
			.setPinned(request.getModel() != null)
			.build();
		logger.debug("Request {} -> tier {} (confidence {}, decided by {})", request.getRequestId(), tier, confidence,
				decidedBy);
		return new Classified(classification);
	}

	private static int runnerUp(double[] values, int best) {
		int second = (best == 0) ? 1 : 0;
		for (int c = 0; c < values.length; c++) {
			if (c != best && values[c] > values[second]) {
				second = c;
			}
		}
		return second;
	}

	private static int argmax(double[] values) {
		int best = 0;
		for (int c = 1; c < values.length; c++) {
			if (values[c] > values[best]) {
				best = c;
			}
		}
		return best;
	}

	/** The tiers of the model in service, lightest first. */
	public List<String> modelTiers() {
		return this.model.get().tiers();
	}

}
