package io.llmfleet.classifier.features;

/**
 * The word-level part of the signal scan: builds each word as the scanner hands it
 * letters and digits, counts words (a Han or kana character is a word of its own) and, at
 * each word's end, looks it up in the {@link Lexicon} groups and two-word phrases and in
 * {@link SyntaxWords} (shell commands with options, SQL, regex, length units, C++ and
 * C#). One instance per scan.
 */
final class WordSignals {

	private final String text;

	private final int[] groups = new int[Lexicon.GROUPS];

	private final StringBuilder word = new StringBuilder(16);

	private String previousWord = "";

	private int count;

	private boolean upperWord;

	private boolean shell;

	private boolean sql;

	private boolean regexWord;

	private boolean lengthUnit;

	private boolean sawSelect;

	WordSignals(String text) {
		this.text = text;
	}

	/** Adds a letter or digit to the current word, starting one if none is open. */
	void append(char c) {
		if (this.word.length() == 0) {
			this.count++;
			this.upperWord = true;
		}
		this.upperWord &= !Character.isLowerCase(c);
		this.word.append(Character.toLowerCase(c));
	}

	/** A Han or kana character at {@code i}: a word by itself. */
	void logogram(int i) {
		end(i);
		this.count++;
	}

	/** Ends the current word, if one is open, just before {@code end}. */
	void end(int end) {
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

	/** Words so far. */
	int count() {
		return this.count;
	}

	/** The word counts per {@link Lexicon} group; the scan adds to them at its end. */
	int[] groups() {
		return this.groups;
	}

	/** A shell command name followed by options or a path. */
	boolean shell() {
		return this.shell;
	}

	/** SQL keywords in SQL order. */
	boolean sql() {
		return this.sql;
	}

	/** "regex" or "regular expression". */
	boolean regexWord() {
		return this.regexWord;
	}

	/** A unit of text length ("words"). */
	boolean lengthUnit() {
		return this.lengthUnit;
	}

}
