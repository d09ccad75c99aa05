package io.llmfleet.classifier.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

/**
 * A configured strong-signal rule: when the prompt matches {@code pattern} (if set), has
 * at least {@code minPromptTokens} estimated tokens (if set) and asks for at least
 * {@code minTargetWords} words of output (if set), the request goes to {@code tier} with
 * {@code confidence}, whatever the learned model says. Meant for signals that are almost
 * never wrong (a code fence, a stack trace, a shell pipeline, "write 2,000 words");
 * everything softer belongs to the model.
 *
 * @param name the rule's name, for logs
 * @param tier the tier it sends requests to
 * @param confidence the confidence it reports: its measured precision
 * @param pattern a Java regular expression searched in the prompt
 * @param minPromptTokens the least estimated prompt tokens
 * @param minTargetWords the least output length the prompt asks for, in words ("in 800
 * words"; two Chinese characters count as a word)
 * @param capability a capability tag the match implies ({@code code}, {@code reasoning},
 * ...)
 * @param anyOf words of which the lower-cased prompt must contain at least one before the
 * pattern runs: a cheap filter that keeps a rule's cost off most prompts (empty: always
 * run)
 */
public record Rule(@NotBlank String name, @NotBlank String tier, @DecimalMin("0") @DecimalMax("1") double confidence,
		String pattern, Integer minPromptTokens, Integer minTargetWords, String capability, List<String> anyOf) {

	public Rule {
		anyOf = (anyOf != null) ? anyOf.stream().map((word) -> word.toLowerCase(Locale.ROOT)).toList() : List.of();
		if ((pattern == null || pattern.isEmpty()) && minPromptTokens == null && minTargetWords == null) {
			throw new IllegalArgumentException("Classifier rule '" + name
					+ "' needs a pattern, min-prompt-tokens or min-target-words, or it matches everything");
		}
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("Classifier rule '" + name + "' has an invalid pattern '" + pattern
						+ "': " + ex.getDescription());
			}
		}
	}

}
