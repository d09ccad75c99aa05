package io.llmfleet.classifier.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import io.llmfleet.core.catalog.FleetCatalog;

/**
 * The configured rules, compiled once and checked against the catalogue: a rule for a
 * tier the catalogue does not have stops start-up. Thread-safe.
 */
public final class RuleSet {

	private final List<CompiledRule> rules;

	private final FleetCatalog catalog;

	public RuleSet(List<Rule> rules, FleetCatalog catalog) {
		this.catalog = catalog;
		this.rules = rules.stream().map(this::compile).toList();
	}

	/**
	 * The most confident matching rule, the heavier tier on a tie.
	 * @param prompt the request's text
	 * @param promptTokens its estimated tokens
	 * @param targetWords the output length it asks for in words, or 0
	 * @return the match, or empty when no rule matches
	 */
	public Optional<Match> strongest(String prompt, int promptTokens, int targetWords) {
		Match best = null;
		String lowerCase = null;
		for (CompiledRule rule : this.rules) {
			if (!rule.rule().anyOf().isEmpty()) {
				lowerCase = (lowerCase != null) ? lowerCase : prompt.toLowerCase(Locale.ROOT);
				if (!rule.mayMatch(lowerCase)) {
					continue;
				}
			}
			if (!rule.matches(prompt, promptTokens, targetWords)) {
				continue;
			}
			Match match = new Match(rule.rule().name(), rule.rule().tier(), rule.rule().confidence(),
					rule.rule().capability());
			if (best == null || match.confidence() > best.confidence() || (match.confidence() == best.confidence()
					&& this.catalog.heavierOf(match.tier(), best.tier()).equals(match.tier()))) {
				best = match;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The tier probabilities once a rule has decided: the rule's tier gets its
	 * confidence, the others share the rest in the model's proportions.
	 * @param probabilities the model's probabilities over {@code tiers}
	 * @param tiers the model's tiers
	 * @param match the rule that decided
	 * @return a new distribution, or a copy of {@code probabilities} when the model has
	 * no such tier
	 */
	public static double[] override(double[] probabilities, List<String> tiers, Match match) {
		int ruleTier = tiers.indexOf(match.tier());
		double[] result = probabilities.clone();
		if (ruleTier < 0) {
			return result;
		}
		double rest = 1 - probabilities[ruleTier];
		for (int c = 0; c < result.length; c++) {
			result[c] = (c == ruleTier) ? match.confidence()
					: (rest > 0) ? probabilities[c] / rest * (1 - match.confidence())
							: (1 - match.confidence()) / (result.length - 1);
		}
		return result;
	}

	private CompiledRule compile(Rule rule) {
		if (!this.catalog.hasTier(rule.tier())) {
			throw new IllegalArgumentException("Classifier rule '" + rule.name() + "' votes for tier '" + rule.tier()
					+ "', which is not one of " + this.catalog.tierNames());
		}
		Pattern pattern = (rule.pattern() != null) ? Pattern.compile(rule.pattern()) : null;
		String literal = (pattern != null && isLiteral(rule.pattern())) ? rule.pattern() : null;
		return new CompiledRule(rule, (literal == null) ? pattern : null, literal);
	}

	/**
	 * Whether a pattern is plain text, so that {@code contains} finds what the regular
	 * expression would, without a matcher.
	 */
	private static boolean isLiteral(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			if ("\\^$.|?*+()[]{}".indexOf(pattern.charAt(i)) >= 0) {
				return false;
			}
		}
		return !pattern.isEmpty();
	}

	/**
	 * A rule that matched.
	 *
	 * @param name the rule's name
	 * @param tier the tier it sends the request to
	 * @param confidence its configured confidence
	 * @param capability the capability it implies, or {@code null}
	 */
	public record Match(String name, String tier, double confidence, String capability) {
	}

	/**
	 * A rule ready to run.
	 *
	 * @param rule the rule
	 * @param pattern its regular expression, or {@code null} when it has none or is plain
	 * text
	 * @param literal its pattern when that is plain text, or {@code null}
	 */
	private record CompiledRule(Rule rule, Pattern pattern, String literal) {

		boolean mayMatch(String lowerCase) {
			for (String word : this.rule.anyOf()) {
				if (lowerCase.contains(word)) {
					return true;
				}
			}
			return false;
		}

		boolean matches(String prompt, int promptTokens, int targetWords) {
			return (this.rule.minPromptTokens() == null || promptTokens >= this.rule.minPromptTokens())
					&& (this.rule.minTargetWords() == null || targetWords >= this.rule.minTargetWords())
					&& (this.literal == null || prompt.contains(this.literal))
					&& (this.pattern == null || this.pattern.matcher(prompt).find());
		}

	}

}
