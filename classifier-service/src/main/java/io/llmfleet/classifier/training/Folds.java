package io.llmfleet.classifier.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * An assignment of examples to cross-validation folds.
 *
 * @param foldOf the fold of each example
 * @param names a name per fold (its number, or the held-out source)
 */
public record Folds(int[] foldOf, List<String> names) {

	/** The number of folds. */
	public int count() {
		return this.names.size();
	}

	/**
	 * Stratified k-fold: each label's examples are shuffled with {@code seed} and dealt
	 * round-robin, so every fold has about the same share of each label.
	 */
	public static Folds stratified(int[] labels, int k, long seed) {
		if (k < 2) {
			throw new IllegalArgumentException("k-fold needs k >= 2, was " + k);
		}
		int classes = 0;
		for (int label : labels) {
			classes = Math.max(classes, label + 1);
		}
		int[] foldOf = new int[labels.length];
		Random random = new Random(seed);
		int next = 0;
		for (int c = 0; c < classes; c++) {
			List<Integer> members = new ArrayList<>();
			for (int i = 0; i < labels.length; i++) {
				if (labels[i] == c) {
					members.add(i);
				}
			}
			java.util.Collections.shuffle(members, random);
			for (int member : members) {
				foldOf[member] = next++ % k;
			}
		}
		List<String> names = new ArrayList<>();
		for (int f = 0; f < k; f++) {
			names.add("fold-" + (f + 1));
		}
		return new Folds(foldOf, names);
	}

	/** Leave-one-source-out: one fold per distinct source, in name order. */
	public static Folds bySource(List<String> sources) {
		List<String> names = new ArrayList<>(new TreeSet<>(sources));
		int[] foldOf = new int[sources.size()];
		for (int i = 0; i < foldOf.length; i++) {
			foldOf[i] = names.indexOf(sources.get(i));
		}
		return new Folds(foldOf, names);
	}

}
