package io.llmfleet.classifier.features;

/**
 * A prompt as the n-gram features see it: lower case, every run of digits one {@code 0}
 * (so numbers generalise), whitespace runs one space, padded with a space at both ends,
 * and cut to a head and a tail when long.
 */
final class NormalizedText {

	final char[] chars;

	final int length;

	private NormalizedText(char[] chars, int length) {
		this.chars = chars;
		this.length = length;
	}

	static NormalizedText of(String prompt, int maxChars) {
		int size = prompt.length();
		char[] out = new char[Math.min(size, maxChars) + 3];
		int n = 0;
		out[n++] = ' ';
		if (size <= maxChars) {
			n = append(prompt, 0, size, out, n);
		}
		else {
			int head = maxChars * 3 / 4;
			n = append(prompt, 0, head, out, n);
			if (out[n - 1] != ' ') {
				out[n++] = ' ';
			}
			n = append(prompt, size - (maxChars - head), size, out, n);
		}
		if (out[n - 1] != ' ') {
			out[n++] = ' ';
		}
		return new NormalizedText(out, n);
	}

	private static int append(String prompt, int from, int to, char[] out, int start) {
		int n = start;
		for (int i = from; i < to; i++) {
			char c = prompt.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				if (out[n - 1] != ' ') {
					out[n++] = ' ';
				}
			}
			else if (c >= '0' && c <= '9' || Character.isDigit(c)) {
				// Digits are no n-grams: in the training data numbers mostly mean a math
				// word
				// problem, and as n-grams they would make any number look like one. How
				// many
				// numbers and what arithmetic the prompt has are structural signals
				// instead.
				if (out[n - 1] != ' ') {
					out[n++] = ' ';
				}
			}
			else {
				out[n++] = Character.toLowerCase(c);
			}
		}
		return n;
	}

}
