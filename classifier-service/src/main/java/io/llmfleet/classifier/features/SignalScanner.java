package io.llmfleet.classifier.features;

/**
 * Computes {@link PromptSignals} in one pass over the lines and characters: it counts
 * lines and paragraphs and reads each line's shape ({@link LineShapes}) itself, hands
 * letters and digits to {@link WordSignals}, other characters to {@link SymbolCounts} and
 * letters' scripts to {@link ScriptCounts}. The few regular expressions left run at the
 * end, only when a cheap check says they may match. Stateless; each call keeps its state
 * in its own instances.
 */
final class SignalScanner {

	private final String text;

	private final WordSignals words;

	private final SymbolCounts symbols;

	private final ScriptCounts scripts = new ScriptCounts();

	private int lines;

	private int paragraphs;

	private int listItems;

	private int codeLines;

	private int lastParagraphStart;

	private boolean shellPrompt;

	private boolean schemaLine;

	private SignalScanner(String text) {
		this.text = text;
		this.words = new WordSignals(text);
		this.symbols = new SymbolCounts(text);
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
					this.words.end(i);
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
		this.words.end(this.text.length());
		if (this.words.groups()[Lexicon.TRANSLATE] == 0
				&& this.scripts.count(Script.HAN) + this.scripts.count(Script.DEVANAGARI)
						+ this.scripts.count(Script.BENGALI) + this.scripts.count(Script.TELUGU) > 0) {
			Lexicon.countTerms(this.text, this.words.groups());
		}
		return signals();
	}

	private PromptSignals signals() {
		String t = this.text;
		SymbolCounts s = this.symbols;
		boolean fence = t.contains("```");
		int inline = fence ? 0 : s.backticks / 2;
		boolean backslash = t.indexOf('\\') >= 0;
		boolean latex = (backslash || t.indexOf('$') >= 0) && SignalPatterns.found(SignalPatterns.LATEX, t);
		boolean trace = (t.contains("Traceback") || t.contains("Exception") || t.contains("Error")
				|| t.contains("panicked at") || t.contains("at ") && t.contains(".java:") || t.contains("File \""))
				&& SignalPatterns.found(SignalPatterns.STACK_TRACE, t);
		boolean pipeline = s.pipes > 0 && SignalPatterns.found(SignalPatterns.PIPELINE, t);
		boolean regex = this.words.regexWord()
				|| ((backslash || t.indexOf('[') >= 0 || t.contains(".*") || t.contains("(?"))
						&& SignalPatterns.found(SignalPatterns.REGEX, t));
		int target = 0;
		if (s.numbers > 0 && this.words.lengthUnit()) {
			target = SignalPatterns.targetWords(t);
		}
		if (this.scripts.count(Script.HAN) > 0 && t.indexOf('字') >= 0) {
			target = Math.max(target, SignalPatterns.targetChars(t));
		}
		boolean shell = this.shellPrompt || this.words.shell();
		boolean sql = this.schemaLine || this.words.sql();
		int[] groups = this.words.groups();
		// Code syntax of any kind is also evidence for the shared technology group, so
		// that
		// a source with its own kind of syntax still lands on weights the others taught.
		groups[Lexicon.TECH] += count(fence, trace, shell, pipeline, sql, regex, inline > 0);
		Script dominant = this.scripts.dominant();
		int chars = t.length();
		int lastParagraph = chars - this.lastParagraphStart;
		boolean passage = this.paragraphs >= 2 && chars >= 400 && lastParagraph < 300 && lastParagraph * 4 < chars;
		return new PromptSignals(chars, this.words.count(), this.lines, this.paragraphs, s.questions, this.listItems,
				s.numbers, s.mathOperations + (latex ? 1 : 0), latex, fence, inline, this.codeLines,
				(chars == 0) ? 0 : (double) s.codePunctuation / chars, trace, shell, pipeline, sql, regex,
				s.choices >= 3, passage, target, groups, dominant, this.scripts.share(dominant));
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
				this.symbols.digit(i);
			}
			else {
				Script script = Script.of(c);
				this.scripts.add(script);
				if (script == Script.HAN || script == Script.KANA) {
					this.words.logogram(i);
					return;
				}
			}
			this.words.append(c);
			return;
		}
		int type = Character.getType(c);
		if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
			return;
		}
		this.words.end(i);
		this.symbols.symbol(c, i);
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
			this.shellPrompt = true;
		}
		if (this.text.charAt(last) == ')' && SyntaxWords.isSchemaLine(this.text, first, last)) {
			this.schemaLine = true;
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
