package io.llmfleet.classifier.features;

/**
 * Letters per {@link Script}, and the script most of them are written in: Han text with a
 * real share of kana is Japanese. One instance per scan.
 */
final class ScriptCounts {

	private final int[] letters = new int[Script.values().length];

	/** Counts a letter of {@code script}. */
	void add(Script script) {
		this.letters[script.ordinal()]++;
	}

	/** The letters of {@code script} so far. */
	int count(Script script) {
		return this.letters[script.ordinal()];
	}

	/** The script of most letters ({@link Script#OTHER} when there are none). */
	Script dominant() {
		int total = 0;
		int dominant = Script.OTHER.ordinal();
		for (int s = 0; s < this.letters.length; s++) {
			total += this.letters[s];
			if (this.letters[s] > this.letters[dominant]) {
				dominant = s;
			}
		}
		// Japanese mixes kana into Han text: any real share of kana makes it Japanese.
		if (dominant == Script.HAN.ordinal() && this.letters[Script.KANA.ordinal()] * 10 > total) {
			dominant = Script.KANA.ordinal();
		}
		return Script.ofOrdinal(dominant);
	}

	/** The share of letters in {@code script}, 0 when there are no letters. */
	double share(Script script) {
		int total = 0;
		for (int count : this.letters) {
			total += count;
		}
		return (total == 0) ? 0 : (double) this.letters[script.ordinal()] / total;
	}

}
