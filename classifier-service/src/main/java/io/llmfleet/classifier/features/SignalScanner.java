package io.llmfleet.classifier.features;

/**
 * Computes {@link PromptSignals} in one pass over the characters and words; the few
 * regular expressions left run only when a cheap check says they may match. Stateless;
 * each call keeps its state on the stack.
 */
final class SignalScanner {

	private static final String CODE_PUNCTUATION = "{}[];=<>_\\|`~";

	private static final String MATH_SYMBOLS = "×÷√∑∫π≤≥≠∞±≈∆∂";

	private static final String OPERATORS = "+-*/^=<>×÷";

	private final String text;

	private final int[] groups = new int[Lexicon.GROUPS];

	private final int[] scripts = new int[Script.values().length];

	private final StringBuilder word = new StringBuilder(16);

	private int words;

	private int lines;

	private int paragraphs;

	private int questions;

	private int listItems;

	private int numbers;

	private int mathOperations;

	private int backticks;

	private int codeLines;

	private int codePunctuation;

	private int lastParagraphStart;

	private int choices;

	private int pipes;

	private boolean shell;

	private boolean sql;

	private boolean regexWord;

	private boolean lengthUnit;

	private boolean sawSelect;

	private boolean upperWord;

	private String previousWord = "";

	private SignalScanner(String text) {
		this.text = text;
	}

	static PromptSignals scan(String prompt, int maxChars) {
		String text = prompt;
		if (prompt.length() > maxChars) {
			int head = maxChars * 3 / 4;
			text = prompt.substring(0, head) + "\n" + prompt.substring(prompt.length() - (maxChars - head));
		}
		return new SignalScanner(text).run();
	}

	private PromptSignals run() {
		boolean blankBefore = true;
		int lineStart = 0;
		for (int i = 0; i <= this.text.length(); i++) {
			if (i == this.text.length() || this.text.charAt(i) == '\n') {
				boolean blank = isBlank(lineStart, i);
				if (!blank) {
					endWord(i);
					this.lines++;
					line(lineStart, i);
					if (blankBefore) {
						this.paragraphs++;
						this.lastParagraphStart = lineStart;
					}
				}
				blankBefore = blank;
				lineStart = i + 1;
				continue;
			}
			character(i);
		}
		endWord(this.text.length());
		if (this.groups[Lexicon.TRANSLATE] == 0
				&& this.scripts[Script.HAN.ordinal()] + this.scripts[Script.DEVANAGARI.ordinal()]
						+ this.scripts[Script.BENGALI.ordinal()] + this.scripts[Script.TELUGU.ordinal()] > 0) {
			Lexicon.countTerms(this.text, this.groups);
		}
		return signals();
	}

	private PromptSignals signals() {
		String t = this.text;
		boolean fence = t.contains("```");
		int inline = fence ? 0 : this.backticks / 2;
		boolean backslash = t.indexOf('\\') >= 0;
		boolean latex = (backslash || t.indexOf('$') >= 0) && SignalPatterns.found(SignalPatterns.LATEX, t);
		boolean trace = (t.contains("Traceback") || t.contains("Exception") || t.contains("Error")
				|| t.contains("panicked at") || t.contains("at ") && t.contains(".java:") || t.contains("File \""))
				&& SignalPatterns.found(SignalPatterns.STACK_TRACE, t);
		boolean pipeline = this.pipes > 0 && SignalPatterns.found(SignalPatterns.PIPELINE, t);
		boolean regex = this.regexWord || ((backslash || t.indexOf('[') >= 0 || t.contains(".*") || t.contains("(?"))
				&& SignalPatterns.found(SignalPatterns.REGEX, t));
		int target = 0;
		if (this.numbers > 0 && this.lengthUnit) {
			target = SignalPatterns.targetWords(t);
		}
		if (this.scripts[Script.HAN.ordinal()] > 0 && t.indexOf('字') >= 0) {
			target = Math.max(target, SignalPatterns.targetChars(t));
		}
		// Code syntax of any kind is also evidence for the shared technology group, so
		// that
		// a source with its own kind of syntax still lands on weights the others taught.
		this.groups[Lexicon.TECH] += count(fence, trace, this.shell, pipeline, this.sql, regex, inline > 0);
		int letters = 0;
		int dominant = Script.OTHER.ordinal();
		for (int s = 0; s < this.scripts.length; s++) {
			letters += this.scripts[s];
			if (this.scripts[s] > this.scripts[dominant]) {
				dominant = s;
			}
		}
		// Japanese mixes kana into Han text: any real share of kana makes it Japanese.
		if (dominant == Script.HAN.ordinal() && this.scripts[Script.KANA.ordinal()] * 10 > letters) {
			dominant = Script.KANA.ordinal();
		}
		double share = (letters == 0) ? 0 : (double) this.scripts[dominant] / letters;
		int chars = t.length();
		int lastParagraph = chars - this.lastParagraphStart;
		boolean passage = this.paragraphs >= 2 && chars >= 400 && lastParagraph < 300 && lastParagraph * 4 < chars;
		return new PromptSignals(chars, this.words, this.lines, this.paragraphs, this.questions, this.listItems,
				this.numbers, this.mathOperations + (latex ? 1 : 0), latex, fence, inline, this.codeLines,
				(chars == 0) ? 0 : (double) this.codePunctuation / chars, trace, this.shell, pipeline, this.sql, regex,
				this.choices >= 3, passage, target, this.groups, Script.ofOrdinal(dominant), share);
	}

	private static int count(boolean... flags) {
		int count = 0;
		for (boolean flag : flags) {
			count += flag ? 1 : 0;
		}
		return count;
	}

	private void character(int i) {
		char c = this.text.charAt(i);
		if (Character.isLetter(c) || (c >= '0' && c <= '9') || Character.isDigit(c)) {
			if (Character.isDigit(c)) {
				if (i == 0 || !Character.isDigit(this.text.charAt(i - 1))) {
					this.numbers++;
				}
			}
			else {
				Script script = Script.of(c);
				this.scripts[script.ordinal()]++;
				if (script == Script.HAN || script == Script.KANA) {
					endWord(i);
					this.words++;
					return;
				}
			}
			if (this.word.length() == 0) {
				this.words++;
				this.upperWord = true;
			}
			this.upperWord &= !Character.isLowerCase(c);
			this.word.append(Character.toLowerCase(c));
			return;
		}
		int type = Character.getType(c);
		if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
			return;
		}
		endWord(i);
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

	private void endWord(int end) {
		if (this.word.length() == 0) {
			return;
		}
		String current = this.word.toString();
		this.word.setLength(0);
		int group = Lexicon.groupOf(current);
		if (group >= 0) {
			this.groups[group]++;
		}
		int phrase = Lexicon.groupOf(this.previousWord, current);
		if (phrase >= 0) {
			this.groups[phrase]++;
		}
		SyntaxWords.Kind kind = SyntaxWords.kindOf(current);
		if (kind == SyntaxWords.Kind.SHELL_COMMAND && !this.shell) {
			this.shell = SyntaxWords.commandArgumentsFollow(this.text, end);
		}
		else if (kind == SyntaxWords.Kind.LENGTH_UNIT) {
			this.lengthUnit = true;
		}
		else if (kind == SyntaxWords.Kind.REGEX) {
			this.regexWord = true;
		}
		if (!this.sql) {
			this.sql = SyntaxWords.isSql(this.previousWord, current, this.upperWord, this.sawSelect);
			this.sawSelect |= this.upperWord && current.equals("select");
		}
		if ((current.equals("c") || current.equals("f")) && end < this.text.length()
				&& (this.text.startsWith("++", end) || this.text.charAt(end) == '#')) {
			// C++, C# and F#: the punctuation ends the word before the lexicon sees it.
			this.groups[Lexicon.TECH]++;
		}
		if (current.startsWith("expression") && this.previousWord.equals("regular")) {
			this.regexWord = true;
		}
		this.previousWord = current;
	}

	private void line(int start, int end) {
		int first = start;
		while (first < end && Character.isWhitespace(this.text.charAt(first))) {
			first++;
		}
		int last = end - 1;
		while (last > first && Character.isWhitespace(this.text.charAt(last))) {
			last--;
		}
		if (LineShapes.isListItem(this.text, first, last)) {
			this.listItems++;
		}
		if (LineShapes.isShellPrompt(this.text, first, last)) {
			this.shell = true;
		}
		if (this.text.charAt(last) == ')' && SyntaxWords.isSchemaLine(this.text, first, last)) {
			this.sql = true;
		}
		if (LineShapes.isCodeLine(this.text, first, last, first - start >= 2)) {
			this.codeLines++;
		}
	}

	private boolean isBlank(int start, int end) {
		for (int i = start; i < end; i++) {
			if (!Character.isWhitespace(this.text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
