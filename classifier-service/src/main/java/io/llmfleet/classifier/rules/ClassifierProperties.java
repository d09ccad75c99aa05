package io.llmfleet.classifier.rules;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The classifier's settings.
 *
 * @param name the classifier's name, reported as {@code name@version}
 * @param version the version of its rules
 * @param confidenceThreshold below this confidence a request goes one tier heavier: a
 * cheap mistake beats a wrong answer
 * @param defaultConfidence confidence of the lightest tier when no rule matches
 * @param rules the rules, each naming the tier it votes for
 */
@Validated
@ConfigurationProperties("fleet.classifier")
public record ClassifierProperties(@DefaultValue("rules") @NotBlank String name,
		@DefaultValue("1") @NotBlank String version,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double confidenceThreshold,
		@DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double defaultConfidence,
		@DefaultValue List<@Valid Rule> rules) {

	public ClassifierProperties {
		rules = (rules != null) ? List.copyOf(rules) : List.of();
	}

	/** {@code name@version}, as every classification records it. */
	public String id() {
		return this.name + "@" + this.version;
	}

	/**
	 * One rule: when the prompt matches {@code pattern} (if set) and has at least
	 * {@code minPromptTokens} tokens (if set), it votes for {@code tier} with
	 * {@code confidence}.
	 *
	 * @param name the rule's name, for logs
	 * @param tier the tier it votes for
	 * @param confidence how sure the vote is
	 * @param pattern a Java regular expression searched in the prompt
	 * @param minPromptTokens the least estimated prompt tokens
	 * @param capability a capability tag the match implies ({@code code},
	 * {@code reasoning}, ...)
	 */
	public record Rule(@NotBlank String name, @NotBlank String tier,
			@DecimalMin("0") @DecimalMax("1") double confidence, String pattern, Integer minPromptTokens,
			String capability) {

		public Rule {
			if ((pattern == null || pattern.isEmpty()) && minPromptTokens == null) {
				throw new IllegalArgumentException("Classifier rule '" + name
						+ "' needs a pattern or min-prompt-tokens, or it matches everything");
			}
			if (pattern != null) {
				try {
					Pattern.compile(pattern);
				}
				catch (PatternSyntaxException ex) {
					throw new IllegalArgumentException("Classifier rule '" + name + "' has an invalid pattern '"
							+ pattern + "': " + ex.getDescription());
				}
			}
		}

	}

}
