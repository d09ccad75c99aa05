package io.llmfleet.classifier.language;

import java.util.Set;

/**
 * Recognises plain English without Lingua, since most traffic is English and Lingua costs
 * tens of microseconds a call: text whose letters are all ASCII and in which at least two
 * distinct English function words make up a fifth of the words. Anything else (accents,
 * other scripts, too few function words) goes to Lingua. Checked against Lingua on the
 * training data (see BENCHMARKS.md).
 */
final class EnglishShortcut {

	private static final Set<String> FUNCTION_WORDS = Set.of("the", "is", "are", "of", "and", "to", "what", "how",
			"for", "with", "that", "this", "you", "it", "be", "can", "does", "do", "my", "your", "which", "who", "why",
			"when", "where", "was", "were", "have", "has", "from", "will", "would", "should", "could", "about", "me",
			"please", "write", "give", "explain", "there", "their", "they", "not", "or", "if", "an", "did", "many",
			"much", "some", "any", "get", "make", "best", "been", "into", "than", "its");

	private EnglishShortcut() {
	}

	/** Whether {@code text}, up to {@code maxChars}, is plainly English. */
	static boolean isEnglish(String text, int maxChars) {
		int end = Math.min(text.length(), maxChars);
		int words = 0;
		int hits = 0;
		String first = null;
		boolean distinct = false;
		int start = -1;
		for (int i = 0; i <= end; i++) {
			char c = (i < end) ? text.charAt(i) : ' ';
			if (c >= 0x80 && Character.isLetter(c)) {
				return false;
			}
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			if (letter && start < 0) {
				start = i;
			}
			else if (!letter && start >= 0) {
				words++;
				String word = text.substring(start, i).toLowerCase(java.util.Locale.ROOT);
				if (FUNCTION_WORDS.contains(word)) {
					hits++;
					distinct |= first != null && !first.equals(word);
					first = (first == null) ? word : first;
				}
				start = -1;
			}
		}
		return distinct && hits * 5 >= words;
	}

}
