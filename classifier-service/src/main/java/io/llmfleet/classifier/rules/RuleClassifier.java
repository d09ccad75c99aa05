package io.llmfleet.classifier.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.llmfleet.classifier.rules.ClassifierDecision.Classified;
import io.llmfleet.classifier.rules.ClassifierDecision.Rejected;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;

/**
 * Decides a request's tier. An explicit model pin wins: the pinned model's tier with
 * confidence 1, or a rejection listing the known models. Otherwise the configured rules
 * vote; the most confident matching vote wins (the heavier tier on a tie), with the
 * lightest tier at the default confidence when none matches. A confidence below the
 * threshold moves the request one tier heavier, and a tier hint can only move it heavier.
 * Thread-safe.
 */
public class RuleClassifier {

	private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

	/**
	 * A rough token estimate for text in Latin scripts; good enough for rules and
	 * budgets.
	 */
	private static final int CHARS_PER_TOKEN = 4;

	private final FleetCatalog catalog;

	private final ClassifierProperties properties;

	private final List<CompiledRule> rules;

	public RuleClassifier(FleetCatalog catalog, ClassifierProperties properties) {
		this.catalog = catalog;
		this.properties = properties;
		this.rules = properties.rules().stream().map(this::compile).toList();
	}

	/** Classifies {@code request}, or says why it cannot be served. */
	public ClassifierDecision classify(InferenceRequest request) {
		Optional<String> invalid = validate(request);
		if (invalid.isPresent()) {
			return new Rejected(invalid.get());
		}
		String prompt = promptOf(request);
		int promptTokens = Math.max(1, prompt.length() / CHARS_PER_TOKEN);
		Classification.Builder classification = Classification.newBuilder()
			.setClassifier(this.properties.id())
			.setEstPromptTokens(promptTokens)
			.setComplexity(Math.min(1.0, promptTokens / 2000.0));
		if (request.getModel() != null) {
			Optional<Model> pinned = this.catalog.model(request.getModel());
			if (pinned.isEmpty()) {
				return new Rejected(
						"Unknown model '" + request.getModel() + "'; known models: " + this.catalog.modelIds());
			}
			return new Classified(classification.setTier(pinned.get().tier())
				.setConfidence(1.0)
				.setTierScores(Map.of(pinned.get().tier(), 1.0))
				.setPinned(true)
				.build());
		}
		return new Classified(vote(prompt, promptTokens, request.getTierHint(), classification));
	}

	private Classification vote(String prompt, int promptTokens, String tierHint, Classification.Builder result) {
		Map<String, Double> scores = new HashMap<>();
		Set<String> capabilities = new LinkedHashSet<>();
		String tier = this.catalog.lightestTier();
		double confidence = this.properties.defaultConfidence();
		boolean matched = false;
		for (CompiledRule rule : this.rules) {
			if (!rule.matches(prompt, promptTokens)) {
				continue;
			}
			scores.merge(rule.tier(), rule.confidence(), Math::max);
			if (rule.capability() != null) {
				capabilities.add(rule.capability());
			}
			boolean better = rule.confidence() > confidence || (rule.confidence() == confidence
					&& this.catalog.heavierOf(rule.tier(), tier).equals(rule.tier()));
			if (!matched || better) {
				tier = rule.tier();
				confidence = rule.confidence();
				matched = true;
			}
		}
		scores.putIfAbsent(tier, confidence);
		if (confidence < this.properties.confidenceThreshold()) {
			tier = this.catalog.heavierThan(tier);
		}
		if (tierHint != null) {
			tier = this.catalog.heavierOf(tier, tierHint);
		}
		return result.setTier(tier)
			.setConfidence(confidence)
			.setTierScores(scores)
			.setCapabilities(new ArrayList<>(capabilities))
			.build();
	}

	private Optional<String> validate(InferenceRequest request) {
		if (request.getRequestId() == null || request.getRequestId().isBlank()) {
			return Optional.of("request_id is empty");
		}
		if (request.getMessages().isEmpty()) {
			return Optional.of("messages is empty: a request needs at least one message");
		}
		for (ChatMessage message : request.getMessages()) {
			if (!ROLES.contains(message.getRole())) {
				return Optional.of("message role '" + message.getRole() + "' is not one of " + ROLES);
			}
		}
		if (request.getTierHint() != null && !this.catalog.hasTier(request.getTierHint())) {
			return Optional
				.of("Unknown tier_hint '" + request.getTierHint() + "'; known tiers: " + this.catalog.tierNames());
		}
		return Optional.empty();
	}

	private static String promptOf(InferenceRequest request) {
		StringBuilder prompt = new StringBuilder();
		for (ChatMessage message : request.getMessages()) {
			prompt.append(message.getContent()).append('\n');
		}
		return prompt.toString();
	}

	private CompiledRule compile(ClassifierProperties.Rule rule) {
		if (!this.catalog.hasTier(rule.tier())) {
			throw new IllegalArgumentException("Classifier rule '" + rule.name() + "' votes for tier '" + rule.tier()
					+ "', which is not one of " + this.catalog.tierNames());
		}
		Pattern pattern = (rule.pattern() != null) ? Pattern.compile(rule.pattern()) : null;
		return new CompiledRule(rule.tier(), rule.confidence(), pattern, rule.minPromptTokens(), rule.capability());
	}

	private record CompiledRule(String tier, double confidence, Pattern pattern, Integer minPromptTokens,
			String capability) {

		boolean matches(String prompt, int promptTokens) {
			return (this.pattern == null || this.pattern.matcher(prompt).find())
					&& (this.minPromptTokens == null || promptTokens >= this.minPromptTokens);
		}

	}

}
