package io.llmfleet.classifier.language;

import java.util.Map;

/**
 * N-grams of up to four UTF-16 chars, packed sixteen bits a char into a {@code long},
 * each with one value per language (0 where the language has no such n-gram): one look-up
 * answers for every language at once. Open addressing over a power-of-two table at most
 * about 60% full; immutable and thread-safe once built.
 */
final class NgramTable {

	private final long[] keys;

	private final float[] values;

	private final int languages;

	private final int mask;

	/**
	 * A table of {@code ngrams}.
	 * @param ngrams packed n-grams (never 0) and their values, one per language
	 * @param languages how many values each n-gram has
	 */
	NgramTable(Map<Long, float[]> ngrams, int languages) {
		int size = Integer.highestOneBit(Math.max(16, ngrams.size() * 5 / 3)) * 2;
		this.keys = new long[size];
		this.values = new float[size * languages];
		this.languages = languages;
		this.mask = size - 1;
		ngrams.forEach((key, row) -> {
			int slot = slotOf(key);
			this.keys[slot] = key;
			System.arraycopy(row, 0, this.values, slot * languages, languages);
		});
	}

	/** Packs {@code n} chars of {@code text} from {@code from}. */
	static long pack(char[] text, int from, int n) {
		long key = 0;
		for (int i = from; i < from + n; i++) {
			key = (key << 16) | text[i];
		}
		return key;
	}

	/** Packs the chars of {@code ngram}. */
	static long pack(String ngram) {
		return pack(ngram.toCharArray(), 0, ngram.length());
	}

	/** Where {@code key} is, or -1 when no language has it. */
	int find(long key) {
		int slot = slotOf(key);
		return (this.keys[slot] != 0) ? slot : -1;
	}

	/** The value of the n-gram at {@code slot} for {@code language}. */
	float value(int slot, int language) {
		return this.values[slot * this.languages + language];
	}

	private int slotOf(long key) {
		int slot = (int) mix(key) & this.mask;
		while (this.keys[slot] != 0 && this.keys[slot] != key) {
			slot = (slot + 1) & this.mask;
		}
		return slot;
	}

	/** MurmurHash3's 64-bit finaliser. */
	static long mix(long key) {
		long h = key;
		h ^= h >>> 33;
		h *= 0xFF51AFD7ED558CCDL;
		h ^= h >>> 33;
		h *= 0xC4CEB9FE1A85EC53L;
		h ^= h >>> 33;
		return h;
	}

}
