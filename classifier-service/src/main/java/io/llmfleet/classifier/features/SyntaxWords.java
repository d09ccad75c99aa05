package io.llmfleet.classifier.features;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Word-level checks for shell, SQL and regex syntax and for length units, made as the
 * scanner meets each word, so that no regular expression has to walk the whole prompt.
 */
final class SyntaxWords {

	/** What a word can announce. */
	enum Kind {

		/** A shell command name: shell syntax when options or paths follow. */
		SHELL_COMMAND,
		/** "regex" and its forms. */
		REGEX,
		/** A unit of text length ("words"). */
		LENGTH_UNIT,
		/** Nothing. */
		NONE

	}

	private static final Map<String, Kind> KINDS = new java.util.HashMap<>();

	private static final Set<String> SQL_PAIRS = Set.of("group by", "order by", "insert into", "create table",
			"alter table", "delete from", "inner join", "left join", "right join", "outer join", "primary key",
			"foreign key", "drop table");

	/**
	 * The first words of {@link #SQL_PAIRS}: most words start none, and need no lookup.
	 */
	private static final Set<String> SQL_PAIR_STARTS = SQL_PAIRS.stream()
		.map((pair) -> pair.substring(0, pair.indexOf(' ')))
		.collect(Collectors.toUnmodifiableSet());

	static {
		for (String command : ("sudo grep egrep awk sed curl wget kubectl docker git chmod chown ls find xargs tar ssh "
				+ "scp rsync npm pip apt yum dnf brew systemctl journalctl ps kill cat echo mkdir rm cp mv du df "
				+ "head tail sort uniq wc cut tr ln touch zip unzip gzip helm terraform aws gcloud az mvn gradle "
				+ "make cargo python python3 node java ping netstat ss ip iptables ufw crontab chmod openssl "
				+ "mount umount useradd usermod passwd top htop lsof nc dig nslookup")
			.split(" ")) {
			KINDS.put(command, Kind.SHELL_COMMAND);
		}
		for (String word : "regex regexes regexp regexps".split(" ")) {
			KINDS.put(word, Kind.REGEX);
		}
		for (String word : "words word palabras mots wörter worte слов слова शब्द 단어".split(" ")) {
			KINDS.put(word, Kind.LENGTH_UNIT);
		}
	}

	private SyntaxWords() {
	}

	static Kind kindOf(String word) {
		return KINDS.getOrDefault(word, Kind.NONE);
	}

	/** Whether options ({@code -l}, {@code --all}) or a path follow a command name. */
	static boolean commandArgumentsFollow(String text, int from) {
		int i = from;
		for (int token = 0; token < 2; token++) {
			if (i >= text.length() || text.charAt(i) != ' ') {
				return false;
			}
			while (i < text.length() && text.charAt(i) == ' ') {
				i++;
			}
			int start = i;
			while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			if (i - start >= 2 && text.charAt(start) == '-'
					&& (Character.isLetter(text.charAt(start + 1)) || text.charAt(start + 1) == '-')) {
				return true;
			}
			if (token == 0 && i - start >= 2 && text.substring(start, i).indexOf('/') >= 0) {
				return true;
			}
		}
		return false;
	}

	/** Whether two consecutive words read as SQL. */
	static boolean isSql(String previous, String current, boolean upperCase, boolean sawUpperSelect) {
		if (upperCase && current.length() > 1 && (current.equals("select") && !previous.isEmpty()
				|| current.equals("from") && sawUpperSelect || current.equals("where") && sawUpperSelect)) {
			return true;
		}
		return SQL_PAIR_STARTS.contains(previous) && SQL_PAIRS.contains(previous + " " + current)
				&& (upperCase || !previous.equals("group"));
	}

	/**
	 * Whether a line is a table schema such as {@code teacher(Teacher_ID, Name, Age)}.
	 */
	static boolean isSchemaLine(String text, int first, int last) {
		int open = text.indexOf('(', first);
		if (open <= first || open > last) {
			return false;
		}
		for (int i = first; i < open; i++) {
			char c = text.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '_')) {
				return false;
			}
		}
		int commas = 0;
		for (int i = open + 1; i < last; i++) {
			char c = text.charAt(i);
			if (c == ',') {
				commas++;
			}
			else if (c == '(' || c == ')' || c == '.' || c == '?') {
				return false;
			}
		}
		return commas >= 1;
	}

}
