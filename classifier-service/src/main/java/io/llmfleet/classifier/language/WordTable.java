package io.llmfleet.classifier.language;

import java.util.Locale;
import java.util.Map;

/**
 * A fixed set of lower-case words, each with a bit set of the languages that use it,
 * looked up straight from a {@code char[]} range so that no string is made per word. Open
 * addressing over a power-of-two table; immutable and thread-safe once built.
 */
final class WordTable {

	private final char[][] keys;

	private final int[] bits;

	private final int mask;

	/**
	 * A table of {@code words}.
	 * @param words each word (any case; stored lower case) and its bit set
	 */
	WordTable(Map<String, Integer> words) {
		int size = Integer.highestOneBit(Math.max(words.size(), 8) * 4);
		this.keys = new char[size][];
		this.bits = new int[size];
		this.mask = size - 1;
		words.forEach((word, languages) -> {
			char[] key = word.toLowerCase(Locale.ROOT).toCharArray();
			int slot = slotOf(key, 0, key.length);
			this.keys[slot] = key;
			this.bits[slot] |= languages;
		});
	}

	/**
	 * Where the word {@code text[from, to)} (already lower case) is, or -1 when it is not
	 * in the table; two different words never share a slot.
	 */
	int find(char[] text, int from, int to) {
		int slot = slotOf(text, from, to);
		return (this.keys[slot] != null) ? slot : -1;
	}

	/** The languages of the word at {@code slot}. */
	int bits(int slot) {
		return this.bits[slot];
	}

	/** The slot that holds the word, or the empty slot where it would go. */
	private int slotOf(char[] text, int from, int to) {
		int h = 0;
		for (int i = from; i < to; i++) {
			h = 31 * h + text[i];
		}
		int slot = (h ^ (h >>> 16)) & this.mask;
		char[] key;
		while ((key = this.keys[slot]) != null && !matches(key, text, from, to)) {
			slot = (slot + 1) & this.mask;
		}
		return slot;
	}

	private static boolean matches(char[] key, char[] text, int from, int to) {
		if (key.length != to - from) {
			return false;
		}
		for (int i = 0; i < key.length; i++) {
			if (key[i] != text[from + i]) {
				return false;
			}
		}
		return true;
	}

}
