package io.llmfleet.classifier.features;

/**
 * The character-level part of the signal scan: runs of digits, question marks in any
 * script, backticks, pipes, answer options ({@code A)}), code punctuation and arithmetic
 * (math symbols, or an operator between digits). One instance per scan.
 */
final class SymbolCounts {

	private static final String CODE_PUNCTUATION = "{}[];=<>_\\|`~";

	private static final String MATH_SYMBOLS = "×÷√∑∫π≤≥≠∞±≈∆∂";

	private static final String OPERATORS = "+-*/^=<>×÷";

	private final String text;

	int numbers;

	int questions;

	int backticks;

	int pipes;

	int choices;

	int codePunctuation;

	int mathOperations;

	SymbolCounts(String text) {
		this.text = text;
	}

	/** A digit at {@code i}: counts a number where a run of digits starts. */
	void digit(int i) {
		if (i == 0 || !Character.isDigit(this.text.charAt(i - 1))) {
			this.numbers++;
		}
	}

	/** Any other character at {@code i} that is neither a letter, a digit nor a mark. */
	void symbol(char c, int i) {
		if (c == '?' || c == '？' || c == '؟') {
			this.questions++;
		}
		else if (c == '`') {
			this.backticks++;
		}
		else if (c == '|') {
			this.pipes++;
		}
		else if (c == ')' && i > 0 && isChoiceLetter(i - 1)) {
			this.choices++;
		}
		if (CODE_PUNCTUATION.indexOf(c) >= 0) {
			this.codePunctuation++;
		}
		if (MATH_SYMBOLS.indexOf(c) >= 0) {
			this.mathOperations++;
		}
		else if (OPERATORS.indexOf(c) >= 0 && isDigitAround(i)) {
			this.mathOperations++;
		}
	}

	private boolean isDigitAround(int i) {
		int before = i - 1;
		while (before >= 0 && this.text.charAt(before) == ' ') {
			before--;
		}
		int after = i + 1;
		while (after < this.text.length() && this.text.charAt(after) == ' ') {
			after++;
		}
		return before >= 0 && after < this.text.length() && Character.isDigit(this.text.charAt(before))
				&& (Character.isDigit(this.text.charAt(after)) || this.text.charAt(after) == '(');
	}

	private boolean isChoiceLetter(int i) {
		char c = this.text.charAt(i);
		if (!((c >= 'A' && c <= 'E') || (c >= 'a' && c <= 'e'))) {
			return false;
		}
		return i == 0 || Character.isWhitespace(this.text.charAt(i - 1)) || this.text.charAt(i - 1) == '(';
	}

}
