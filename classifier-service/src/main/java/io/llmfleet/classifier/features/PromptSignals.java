package io.llmfleet.classifier.features;

/**
 * What a prompt's shape says, read once per prompt: length, questions and parts, lists,
 * numbers and math notation, code syntax, shell, SQL and regex syntax, stack traces, a
 * target length ("in 800 words", "两千字"), the word groups of {@link Lexicon} and the
 * dominant script. The learned model sees them as features; the capability tags and the
 * strong-signal overrides read them directly.
 *
 * @param chars characters
 * @param words words (a Han or kana character counts as a word)
 * @param lines lines
 * @param paragraphs blocks separated by a blank line
 * @param questions question marks, in any script
 * @param listItems lines that start with a bullet, a number or a letter in parentheses
 * @param numbers runs of digits
 * @param mathOperations digit-operator-digit expressions, equations and math symbols
 * @param latex LaTeX math commands or inline math
 * @param codeFence a Markdown code fence
 * @param inlineCode inline code spans
 * @param codeLines lines that look like code
 * @param codePunctuation share of characters that are code punctuation
 * @param stackTrace a stack trace or a traceback
 * @param shell a shell prompt line or a command with options
 * @param pipeline a shell pipeline into a text filter
 * @param sql SQL keywords or a table schema
 * @param regexSyntax regular expression syntax
 * @param multipleChoice answer options (A) ... B) ...)
 * @param questionAfterPassage a long passage followed by a short question
 * @param targetWords the length asked for, in English-word equivalents, or 0
 * @param groups counts of words per {@link Lexicon} group
 * @param script the dominant script of the letters
 * @param scriptShare the share of letters in the dominant script
 */
public record PromptSignals(int chars, int words, int lines, int paragraphs, int questions, int listItems, int numbers,
		int mathOperations, boolean latex, boolean codeFence, int inlineCode, int codeLines, double codePunctuation,
		boolean stackTrace, boolean shell, boolean pipeline, boolean sql, boolean regexSyntax, boolean multipleChoice,
		boolean questionAfterPassage, int targetWords, int[] groups, Script script, double scriptShare) {

	/** Reads the signals of {@code prompt}, looking at most at {@code maxChars} of it. */
	public static PromptSignals of(String prompt, int maxChars) {
		return SignalScanner.scan(prompt, maxChars);
	}

	/** The count of words of a {@link Lexicon} group. */
	int group(int group) {
		return this.groups[group];
	}

	/** Whether the prompt shows code syntax of any kind. */
	public boolean looksLikeCode() {
		return this.codeFence || this.stackTrace || this.shell || this.pipeline || this.codeLines >= 2
				|| this.groups[Lexicon.CODE] >= 2;
	}

	/** Whether the prompt mentions programming or shows code. */
	public boolean mentionsCode() {
		return looksLikeCode() || this.sql || this.regexSyntax || this.groups[Lexicon.TECH] > 0;
	}

	/** Whether the prompt has numbers to compute with or math notation. */
	public boolean looksLikeMath() {
		return this.latex || this.mathOperations > 0 || (this.numbers >= 2 && this.groups[Lexicon.MATH] > 0);
	}

	/** Whether the prompt asks for analysis, argument or a plan. */
	public boolean asksForReasoning() {
		return this.groups[Lexicon.ANALYSIS] > 0 || this.groups[Lexicon.PLANNING] > 0 || this.multipleChoice;
	}

	/** Whether the prompt asks for writing. */
	public boolean asksForWriting() {
		return this.groups[Lexicon.WRITING] > 0 || this.targetWords > 0;
	}

	/** Whether the prompt reads as small talk. */
	public boolean isSmallTalk() {
		return this.groups[Lexicon.CHAT] > 0 && this.words <= 20 && !mentionsCode();
	}

}
