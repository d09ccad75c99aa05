package io.llmfleet.classifier.features;

/**
 * What one line of a prompt looks like: a list item, a shell prompt, a line of code. Each
 * check reads the line between its first and last non-blank characters, inclusive.
 */
final class LineShapes {

	private static final String[] CODE_STARTS = { "def ", "import ", "return", "#include", "public ", "class " };

	private LineShapes() {
	}

	/**
	 * A bullet ({@code -}, {@code *}, {@code •}) or a number or letter with {@code .} or
	 * {@code )}.
	 */
	static boolean isListItem(String text, int first, int last) {
		char head = text.charAt(first);
		if ((head == '-' || head == '*' || head == '•' || head == '·') && first + 1 <= last
				&& text.charAt(first + 1) == ' ') {
			return true;
		}
		int i = first;
		while (i <= last && i - first < 3 && (Character.isDigit(text.charAt(i)) || (i == first
				&& Character.isLetter(text.charAt(i)) && i + 1 <= last && ")．.、".indexOf(text.charAt(i + 1)) >= 0))) {
			i++;
		}
		return i > first && i <= last && ".)．、".indexOf(text.charAt(i)) >= 0;
	}

	/** A line that starts with a {@code $ } shell prompt. */
	static boolean isShellPrompt(String text, int first, int last) {
		return text.charAt(first) == '$' && first + 1 <= last && text.charAt(first + 1) == ' ';
	}

	/**
	 * A line that ends like code ({@code ;}, a brace, an indented {@code :}), starts like
	 * code ({@code def}, {@code import}, {@code return}, ...), or is indented and has
	 * code punctuation.
	 */
	static boolean isCodeLine(String text, int first, int last, boolean indented) {
		char head = text.charAt(first);
		char tail = text.charAt(last);
		if (tail == ';' || tail == '{' || tail == '}' || (tail == ':' && indented) || head == '}') {
			return true;
		}
		for (String start : CODE_STARTS) {
			if (text.startsWith(start, first)) {
				return true;
			}
		}
		return indented && hasCodePunctuation(text, first, last);
	}

	private static boolean hasCodePunctuation(String text, int first, int last) {
		for (int i = first; i <= last; i++) {
			char c = text.charAt(i);
			if (c == '(' || c == '=' || c == '{' || c == ';' || c == '[') {
				return true;
			}
		}
		return false;
	}

}
