package io.llmfleet.classifier.decision;

import java.util.ArrayList;
import java.util.List;

import io.llmfleet.classifier.features.PromptSignals;

/**
 * The capability tags of a request (code, math, reasoning, creative, factual,
 * conversational), read from its structural signals and the tier probabilities. Tags
 * describe the request for routing policies and dashboards; they never change its tier.
 */
final class Capabilities {

	private Capabilities() {
	}

	/**
	 * The tags of a request.
	 * @param signals what its text shows
	 * @param heaviest the probability of the heaviest tier
	 * @param ruleCapability the capability of a matching rule, or {@code null}
	 */
	static List<String> of(PromptSignals signals, double heaviest, String ruleCapability) {
		List<String> tags = new ArrayList<>(3);
		boolean code = signals.looksLikeCode() || signals.sql() || signals.regexSyntax()
				|| "code".equals(ruleCapability);
		if (code) {
			tags.add("code");
		}
		boolean math = signals.looksLikeMath();
		if (math) {
			tags.add("math");
		}
		if (signals.asksForReasoning() || (heaviest >= 0.5 && !signals.asksForWriting())
				|| "reasoning".equals(ruleCapability)) {
			tags.add("reasoning");
		}
		if (signals.asksForWriting() && !code) {
			tags.add("creative");
		}
		if (signals.questions() > 0 && signals.words() <= 30 && !code && !math && heaviest < 0.5) {
			tags.add("factual");
		}
		if (signals.isSmallTalk()) {
			tags.add("conversational");
		}
		if (ruleCapability != null && !tags.contains(ruleCapability)) {
			tags.add(ruleCapability);
		}
		return tags;
	}

	/**
	 * How hard the request looks, 0 to 1: seven tenths the expected tier position (0 for
	 * surely the lightest, 1 for surely the heaviest), three tenths its length on a log
	 * scale (4,000 tokens or more count fully).
	 */
	static double complexity(double[] probabilities, int promptTokens) {
		double expected = 0;
		for (int c = 0; c < probabilities.length; c++) {
			expected += probabilities[c] * c;
		}
		double position = (probabilities.length > 1) ? expected / (probabilities.length - 1) : 0;
		double length = Math.min(1, Math.log1p(promptTokens) / Math.log1p(4000));
		return Math.min(1, Math.max(0, 0.7 * position + 0.3 * length));
	}

	/**
	 * Estimated prompt tokens: about 1.3 per word (a Han or kana character counting as a
	 * word), and never fewer than one per four characters, for code and long tokens.
	 */
	static int promptTokens(String prompt, PromptSignals signals) {
		double scale = (signals.chars() == 0) ? 1 : (double) prompt.length() / signals.chars();
		return (int) Math.max(1, Math.ceil(Math.max(signals.words() * 1.3 * scale, prompt.length() / 4.0)));
	}

}
