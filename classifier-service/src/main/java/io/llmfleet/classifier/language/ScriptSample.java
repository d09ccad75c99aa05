package io.llmfleet.classifier.language;

import io.llmfleet.classifier.features.Script;

/**
 * The start of a prompt as language identification reads it: the script its first
 * {@code maxChars} characters are written in and, when that script has several languages,
 * the words of that script alone, lower case, one space apart. A script wins by its count
 * of characters in words (a vowel sign or virama counts with its letter, or Indic text
 * would weigh half of what it is), Latin ones counting half: prompts in other scripts
 * often carry Latin commands, code, names or an English instruction ("Translate into
 * English: ..."), while English prompts seldom carry other scripts. Han with a real share
 * of kana is Japanese. Two passes over at most {@code maxChars} characters, no regular
 * expressions; the words are copied only when asked for.
 */
final class ScriptSample {

	private static final Script[] SCRIPTS = Script.values();

	private final String prompt;

	private final int end;

	private final Script script;

	private ScriptSample(String prompt, int end, Script script) {
		this.prompt = prompt;
		this.end = end;
		this.script = script;
	}

	/** Reads the script of the first {@code maxChars} characters of {@code prompt}. */
	static ScriptSample of(String prompt, int maxChars) {
		int end = Math.min(prompt.length(), maxChars);
		int[] letters = new int[SCRIPTS.length];
		int total = 0;
		int latin = 0;
		// The script of the letter before, whose word a vowel sign or virama extends.
		int current = -1;
		for (int i = 0; i < end;) {
			char c = prompt.charAt(i);
			if (c < 0x80) {
				// ASCII, the bulk of most prompts: no table look-ups.
				boolean letter = isAsciiLetter(c);
				latin += letter ? 1 : 0;
				current = letter ? Script.LATIN.ordinal() : -1;
				i++;
				continue;
			}
			int codePoint = prompt.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isLetter(codePoint)) {
				current = scriptOf(codePoint).ordinal();
			}
			else if (current < 0 || !isInsideWord(codePoint)) {
				current = -1;
				continue;
			}
			letters[current]++;
			total++;
		}
		letters[Script.LATIN.ordinal()] += latin;
		total += latin;
		if (total == 0) {
			return new ScriptSample(prompt, end, null);
		}
		int best = Script.LATIN.ordinal();
		int bestWeight = letters[best];
		for (int s = 0; s < letters.length; s++) {
			// In half characters: Latin counts 1, every other script 2.
			int weight = (s == Script.LATIN.ordinal()) ? letters[s] : 2 * letters[s];
			if (weight > bestWeight) {
				best = s;
				bestWeight = weight;
			}
		}
		if (best == Script.HAN.ordinal() && letters[Script.KANA.ordinal()] * 10 > total) {
			best = Script.KANA.ordinal();
		}
		return new ScriptSample(prompt, end, SCRIPTS[best]);
	}

	/** The script the sample is written in, or {@code null} when it has no letters. */
	Script script() {
		return this.script;
	}

	/**
	 * The words of {@link #script()}, lower case, separated by single spaces, with the
	 * combining marks and joiners inside them; digits, punctuation and other scripts only
	 * separate words.
	 */
	Words words() {
		char[] out = new char[this.end + 1];
		int n = 0;
		boolean inWord = false;
		boolean latin = this.script == Script.LATIN;
		for (int i = 0; i < this.end;) {
			char ascii = this.prompt.charAt(i);
			if (ascii < 0x80) {
				i++;
				if (latin && isAsciiLetter(ascii)) {
					if (!inWord && n > 0) {
						out[n++] = ' ';
					}
					out[n++] = (char) (ascii | 0x20);
					inWord = true;
				}
				else {
					inWord = false;
				}
				continue;
			}
			int c = this.prompt.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isLetter(c) && scriptOf(c) == this.script) {
				if (!inWord && n > 0) {
					out[n++] = ' ';
				}
				n += Character.toChars(Character.toLowerCase(c), out, n);
				inWord = true;
			}
			else if (inWord && isInsideWord(c)) {
				n += Character.toChars(c, out, n);
			}
			else {
				inWord = false;
			}
		}
		return new Words(out, n);
	}

	private static boolean isAsciiLetter(char c) {
		char lower = (char) (c | 0x20);
		return lower >= 'a' && lower <= 'z';
	}

	private static Script scriptOf(int codePoint) {
		return (codePoint <= Character.MAX_VALUE) ? Script.of((char) codePoint) : Script.OTHER;
	}

	/** Vowel signs, viramas and nuktas of Indic scripts, and the zero-width joiners. */
	private static boolean isInsideWord(int c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || c == 0x200C
				|| c == 0x200D;
	}

	/**
	 * Words, lower case, one space apart.
	 *
	 * @param chars the characters, from index 0
	 * @param length how many of them there are
	 */
	record Words(char[] chars, int length) {

		@Override
		public String toString() {
			return new String(this.chars, 0, this.length);
		}

	}

}
