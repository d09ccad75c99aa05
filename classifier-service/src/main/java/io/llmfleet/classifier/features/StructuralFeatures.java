package io.llmfleet.classifier.features;

/**
 * {@link PromptSignals} as indicator features in fixed slots after the hashed space:
 * counts fall into a few buckets each (one indicator per bucket), flags are one slot
 * each. Buckets, not raw counts, so that the linear model can learn that both very short
 * and very long prompts lean one way. The script itself is deliberately not a feature: in
 * the training data it says which source a prompt came from, not what it asks for.
 */
final class StructuralFeatures {

	private static final int[] CHARS = { 20, 40, 80, 160, 320, 640, 1280, 2560 };

	private static final int[] WORDS = { 3, 6, 12, 25, 50, 100, 200, 400 };

	private static final int[] LINES = { 2, 3, 5, 9, 17 };

	private static final int[] PARAGRAPHS = { 2, 3, 5 };

	private static final int[] QUESTIONS = { 1, 2, 3, 5 };

	private static final int[] LIST_ITEMS = { 1, 3, 6 };

	private static final int[] NUMBERS = { 2, 3, 5, 9 };

	private static final int[] MATH = { 1, 2, 4 };

	private static final int[] INLINE_CODE = { 1, 2 };

	private static final int[] CODE_LINES = { 1, 2, 5 };

	private static final int[] PUNCTUATION_PERMILLE = { 10, 30, 60, 120 };

	private static final int[] TARGET_WORDS = { 1, 250, 600 };

	private static final int[] GROUP = { 1, 2 };

	private static final int FLAGS = 12;

	/** The number of slots. */
	static final int SLOTS = size(CHARS) + size(WORDS) + size(LINES) + size(PARAGRAPHS) + size(QUESTIONS)
			+ size(LIST_ITEMS) + size(NUMBERS) + size(MATH) + size(INLINE_CODE) + size(CODE_LINES)
			+ size(PUNCTUATION_PERMILLE) + size(TARGET_WORDS) + Lexicon.GROUPS * size(GROUP) + FLAGS;

	private StructuralFeatures() {
	}

	static void extract(PromptSignals s, int base, float weight, float lexiconWeight, FeatureSink sink) {
		int slot = base;
		slot = bucket(s.chars(), CHARS, slot, weight, sink);
		slot = bucket(s.words(), WORDS, slot, weight, sink);
		slot = bucket(s.lines(), LINES, slot, weight, sink);
		slot = bucket(s.paragraphs(), PARAGRAPHS, slot, weight, sink);
		slot = bucket(s.questions(), QUESTIONS, slot, weight, sink);
		slot = bucket(s.listItems(), LIST_ITEMS, slot, weight, sink);
		// One number (a year, a count, an id) says nothing; two or more start a problem.
		slot = bucket(s.numbers(), NUMBERS, slot, weight, sink);
		slot = bucket(s.mathOperations(), MATH, slot, weight, sink);
		slot = bucket(s.inlineCode(), INLINE_CODE, slot, weight, sink);
		slot = bucket(s.codeLines(), CODE_LINES, slot, weight, sink);
		slot = bucket((int) (s.codePunctuation() * 1000), PUNCTUATION_PERMILLE, slot, weight, sink);
		slot = bucket(s.targetWords(), TARGET_WORDS, slot, weight, sink);
		for (int group = 0; group < Lexicon.GROUPS; group++) {
			slot = bucket(s.group(group), GROUP, slot, lexiconWeight, sink);
		}
		slot = flag(s.latex(), slot, weight, sink);
		slot = flag(s.codeFence(), slot, weight, sink);
		slot = flag(s.stackTrace(), slot, weight, sink);
		slot = flag(s.shell(), slot, weight, sink);
		slot = flag(s.pipeline(), slot, weight, sink);
		slot = flag(s.sql(), slot, weight, sink);
		slot = flag(s.regexSyntax(), slot, weight, sink);
		slot = flag(s.multipleChoice(), slot, weight, sink);
		slot = flag(s.questionAfterPassage(), slot, weight, sink);
		slot = flag(s.scriptShare() < 0.8, slot, weight, sink);
		slot = flag(s.looksLikeMath() && !s.looksLikeCode(), slot, weight, sink);
		// A short plain question ("What is the capital of ...?"), which a number alone
		// does
		// not make a math problem: an interaction the linear model cannot form itself.
		flag(s.questions() >= 1 && s.words() <= 15 && s.mathOperations() == 0 && !s.looksLikeCode(), slot, weight,
				sink);
	}

	private static int size(int[] thresholds) {
		return thresholds.length + 1;
	}

	/**
	 * Emits the indicator of the bucket {@code value} falls in; returns the next slot.
	 */
	private static int bucket(int value, int[] thresholds, int slot, float weight, FeatureSink sink) {
		int bucket = 0;
		while (bucket < thresholds.length && value >= thresholds[bucket]) {
			bucket++;
		}
		sink.accept(slot + bucket, weight);
		return slot + thresholds.length + 1;
	}

	private static int flag(boolean on, int slot, float weight, FeatureSink sink) {
		if (on) {
			sink.accept(slot, weight);
		}
		return slot + 1;
	}

}
