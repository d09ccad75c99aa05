package io.llmfleet.cli.replay;

import java.util.List;

/**
 * Counts one policy's routing against labels: right tier, lighter (under-routed), heavier
 * (over-routed), and the label-by-tier confusion matrix. A request without a label, or
 * without a tier, or labelled with a tier the catalogue lacks, is not counted.
 */
final class LabelTally {

	private final List<String> tiers;

	private final int[][] confusion;

	private int correct;

	private int under;

	private int over;

	LabelTally(List<String> tiers) {
		this.tiers = tiers;
		this.confusion = new int[tiers.size()][tiers.size()];
	}

	void add(String label, String tier) {
		if (label == null || tier == null) {
			return;
		}
		int expected = this.tiers.indexOf(label);
		int routed = this.tiers.indexOf(tier);
		if (expected < 0 || routed < 0) {
			return;
		}
		this.confusion[expected][routed]++;
		if (routed == expected) {
			this.correct++;
		}
		else if (routed < expected) {
			this.under++;
		}
		else {
			this.over++;
		}
	}

	int labelled() {
		return this.correct + this.under + this.over;
	}

	ReplayReport.Counts counts() {
		return new ReplayReport.Counts(this.correct, this.under, this.over);
	}

	int[][] confusion() {
		return this.confusion;
	}

}
