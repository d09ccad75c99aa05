package io.llmfleet.classifier.features;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular expressions behind the syntax signals that a word scan cannot see, compiled
 * once; {@link SignalScanner} runs each only when a cheap check says it may match.
 */
final class SignalPatterns {

	static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s+at [\\w.$<>]+\\(|Traceback \\(most recent call last\\)"
			+ "|Exception in thread|panicked at|^\\s*File \"[^\"]+\", line \\d+|^[\\w.]+(?:Error|Exception): \\S");

	static final Pattern PIPELINE = Pattern.compile("[\\w'\")\\].*-]\\s*\\|\\s*(?:grep|egrep|awk|sed|sort|uniq|wc"
			+ "|head|tail|xargs|cut|tr|tee|less|more|jq|cat|column|nl|rev|paste|bash|sh|sudo)\\b");

	static final Pattern REGEX = Pattern
		.compile("\\\\[dwsbDWS][+*?{]?|\\[\\^?[a-zA-Z0-9]-[a-zA-Z0-9]\\]|\\(\\?[:=!<]|\\.\\*");

	static final Pattern LATEX = Pattern.compile("\\\\(?:frac|sqrt|sum|int|cdot|times|leq?|geq?|neq|pi|alpha|beta"
			+ "|theta|lambda|lim|infty|binom|mathbb|partial)\\b|\\$[^$\\n]{0,80}[\\\\^_=][^$\\n]{0,80}\\$");

	static final Pattern TARGET_WORDS = Pattern.compile("(?i)(\\d[\\d,.]*)\\s*(?:-|–|to|~|～)?\\s*(?:\\d[\\d,.]*)?"
			+ "\\s*(?:english\\s+)?(?:words?|palabras|mots|wörter|worte|слов|शब्द|단어|語)");

	static final Pattern TARGET_CHARS = Pattern.compile("([\\d,]+|[零一二两三四五六七八九十百千万]+)\\s*(?:个)?(?:汉)?字");

	private SignalPatterns() {
	}

	static boolean found(Pattern pattern, String text) {
		return pattern.matcher(text).find();
	}

	static int count(Pattern pattern, String text, int atMost) {
		Matcher matcher = pattern.matcher(text);
		int count = 0;
		while (count < atMost && matcher.find()) {
			count++;
		}
		return count;
	}

	/** The longest text asked for in words ("in 800 words"). */
	static int targetWords(String text) {
		int words = 0;
		Matcher matcher = TARGET_WORDS.matcher(text);
		while (matcher.find()) {
			words = Math.max(words, parseNumber(matcher.group(1)));
		}
		return words;
	}

	/**
	 * The longest text asked for in Chinese characters, as words (two characters a word).
	 */
	static int targetChars(String text) {
		int words = 0;
		Matcher matcher = TARGET_CHARS.matcher(text);
		while (matcher.find()) {
			words = Math.max(words, parseNumber(matcher.group(1)) / 2);
		}
		return words;
	}

	static int parseNumber(String text) {
		if (!text.isEmpty() && Character.isDigit(text.charAt(0))) {
			String digits = text.replace(",", "");
			int dot = digits.indexOf('.');
			digits = (dot >= 0) ? digits.substring(0, dot) : digits;
			return (digits.isEmpty() || digits.length() > 7) ? 0 : Integer.parseInt(digits);
		}
		return parseChineseNumber(text);
	}

	private static int parseChineseNumber(String text) {
		int total = 0;
		int section = 0;
		int number = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int digit = "零一二三四五六七八九".indexOf(c);
			if (c == '两') {
				digit = 2;
			}
			if (digit >= 0) {
				number = digit;
			}
			else if (c == '十' || c == '百' || c == '千') {
				int unit = (c == '十') ? 10 : (c == '百') ? 100 : 1000;
				section += ((number == 0) ? 1 : number) * unit;
				number = 0;
			}
			else if (c == '万') {
				total += (section + number) * 10000;
				section = 0;
				number = 0;
			}
		}
		return total + section + number;
	}

}
