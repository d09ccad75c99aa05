package io.llmfleet.cli.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.cli.traffic.TrafficRecord;

/**
 * Re-classifies recorded requests under a candidate policy and re-routes them offline
 * (tier to the tier's models by the catalogue; no backend, no broker), and compares with
 * what production decided: tier mix, agreement, scores against labels, estimated cost and
 * latency ({@link RouteEstimates}), and cost against quality over confidence thresholds.
 */
public final class ReplayEvaluation {

	/** The thresholds the cost/quality sweep tries besides the candidate's own. */
	private static final double[] SWEEP = { 0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95 };

	private static final int EXCERPT = 72;

	private final List<TrafficRecord> traffic;

	private final ReplayPolicy candidate;

	private final Labels labels;

	private final RouteEstimates estimates;

	private final List<String> tiers;

	private final List<String> labelOf = new ArrayList<>();

	private final List<String> productionTiers = new ArrayList<>();

	private ReplayEvaluation(List<TrafficRecord> traffic, ReplayPolicy candidate, Labels labels) {
		this.traffic = traffic;
		this.candidate = candidate;
		this.labels = labels;
		this.estimates = new RouteEstimates(traffic, candidate.catalog());
		List<String> known = new ArrayList<>(candidate.catalog().tierNames());
		new TreeSet<>(traffic.stream().map(TrafficRecord::productionTier).filter(Objects::nonNull).toList())
			.forEach((tier) -> {
				if (!known.contains(tier)) {
					known.add(tier);
				}
			});
		this.tiers = List.copyOf(known);
		traffic.forEach((record) -> this.labelOf.add(labels.tierOf(record).orElse(null)));
		traffic.forEach((record) -> this.productionTiers.add(record.productionTier()));
	}

	/**
	 * Evaluates {@code candidate} on {@code traffic}.
	 * @param withPrompts whether the changed requests show the start of their prompt
	 */
	public static ReplayReport evaluate(List<TrafficRecord> traffic, ReplayPolicy candidate, Labels labels,
			boolean withPrompts) {
		return new ReplayEvaluation(traffic, candidate, labels).run(withPrompts);
	}

	private ReplayReport run(boolean withPrompts) {
		List<String> after = classify(this.candidate.tierClassifier());
		Map<String, Integer> mixBefore = new LinkedHashMap<>();
		Map<String, Integer> mixAfter = new LinkedHashMap<>();
		int n = this.tiers.size();
		int[][] confusion = new int[n][n];
		int decided = 0;
		int agreed = 0;
		List<ReplayReport.Change> changes = new ArrayList<>();
		List<Double> latencyBefore = new ArrayList<>();
		List<Double> latencyAfter = new ArrayList<>();
		for (int i = 0; i < this.traffic.size(); i++) {
			TrafficRecord record = this.traffic.get(i);
			String before = record.productionTier();
			String now = after.get(i);
			mixBefore.merge((before != null) ? before : ReplayReport.NONE, 1, Integer::sum);
			mixAfter.merge((now != null) ? now : ReplayReport.REJECTED, 1, Integer::sum);
			if (before != null) {
				decided++;
				agreed += before.equals(now) ? 1 : 0;
				if (now != null) {
					confusion[this.tiers.indexOf(before)][this.tiers.indexOf(now)]++;
				}
			}
			if (!Objects.equals(before, now)) {
				changes.add(change(record, before, now, this.labelOf.get(i), withPrompts));
			}
			addIfKnown(latencyBefore, (before != null) ? this.estimates.recordedLatency(record, before) : null);
			addIfKnown(latencyAfter, latencyAfter(record, before, now));
		}
		ReplayReport.Pair cost = new ReplayReport.Pair(totalCost(this.productionTiers), totalCost(after));
		ReplayReport.Pair latency = new ReplayReport.Pair(mean(latencyBefore), mean(latencyAfter));
		ReplayReport.LabelScores scores = labelScores(after);
		return new ReplayReport(this.candidate.name(), this.candidate.model().id(),
				this.candidate.classifier().confidenceThreshold(), this.tiers, this.traffic.size(), decided, mixBefore,
				mixAfter, agreed, confusion, scores, cost, latency, this.estimates.modelLatencies(),
				sweep(after, scores), changes);
	}

	/** The candidate's tier of every request, null where it rejects one. */
	private List<String> classify(TierClassifier classifier) {
		List<String> tiers = new ArrayList<>(this.traffic.size());
		for (TrafficRecord record : this.traffic) {
			ClassifierDecision decision = classifier.classify(record.request());
			tiers.add((decision instanceof ClassifierDecision.Classified classified)
					? classified.classification().getTier() : null);
		}
		return tiers;
	}

	/**
	 * The estimated cost of routing every request to {@code tiers}: as recorded where the
	 * tier is production's, the tier's expectation elsewhere.
	 */
	private double totalCost(List<String> tiers) {
		double total = 0;
		for (int i = 0; i < this.traffic.size(); i++) {
			TrafficRecord record = this.traffic.get(i);
			String before = record.productionTier();
			String now = tiers.get(i);
			total += Objects.equals(before, now) ? costAsRecorded(record, before) : this.estimates.tierCost(now);
		}
		return total;
	}

	private double costAsRecorded(TrafficRecord record, String tier) {
		return (tier == null && record.served() == null) ? 0 : this.estimates.recordedCost(record, tier);
	}

	private Double latencyAfter(TrafficRecord record, String before, String now) {
		if (now == null) {
			return null;
		}
		return now.equals(before) ? this.estimates.recordedLatency(record, before) : this.estimates.tierLatency(now);
	}

	private ReplayReport.LabelScores labelScores(List<String> after) {
		LabelTally production = new LabelTally(this.tiers);
		LabelTally candidate = new LabelTally(this.tiers);
		for (int i = 0; i < this.traffic.size(); i++) {
			String label = this.labelOf.get(i);
			production.add(label, this.traffic.get(i).productionTier());
			candidate.add(label, after.get(i));
		}
		if (candidate.labelled() == 0) {
			return null;
		}
		return new ReplayReport.LabelScores(candidate.labelled(), production.counts(), candidate.counts(),
				candidate.confusion(), production.confusion());
	}

	private ReplayReport.Sweep sweep(List<String> after, ReplayReport.LabelScores scores) {
		boolean labelled = scores != null;
		TreeSet<Double> thresholds = new TreeSet<>();
		for (double threshold : SWEEP) {
			thresholds.add(threshold);
		}
		thresholds.add(this.candidate.classifier().confidenceThreshold());
		List<ReplayReport.Point> points = new ArrayList<>();
		for (double threshold : thresholds) {
			List<String> tiers = classify(this.candidate.classifierWith(threshold));
			points.add(point("threshold " + threshold, threshold, tiers, labelled));
		}
		ReplayReport.Point production = new ReplayReport.Point("production", Double.NaN,
				totalCost(this.productionTiers) / Math.max(1, this.traffic.size()),
				labelled ? scores.production().accuracy() : 1.0);
		ReplayReport.Point candidate = point(this.candidate.name(), this.candidate.classifier().confidenceThreshold(),
				after, labelled);
		return new ReplayReport.Sweep(labelled ? "accuracy against labels" : "agreement with production", points,
				production, candidate);
	}

	private ReplayReport.Point point(String label, double threshold, List<String> tiers, boolean labelled) {
		double quality;
		if (labelled) {
			LabelTally tally = new LabelTally(this.tiers);
			for (int i = 0; i < tiers.size(); i++) {
				tally.add(this.labelOf.get(i), tiers.get(i));
			}
			quality = tally.counts().accuracy();
		}
		else {
			int decided = 0;
			int agreed = 0;
			for (int i = 0; i < tiers.size(); i++) {
				String before = this.traffic.get(i).productionTier();
				if (before != null) {
					decided++;
					agreed += before.equals(tiers.get(i)) ? 1 : 0;
				}
			}
			quality = (decided == 0) ? 1.0 : (double) agreed / decided;
		}
		return new ReplayReport.Point(label, threshold, totalCost(tiers) / Math.max(1, tiers.size()), quality);
	}

	private static ReplayReport.Change change(TrafficRecord record, String before, String now, String label,
			boolean withPrompts) {
		String excerpt = null;
		if (withPrompts && !record.request().getMessages().isEmpty()) {
			String text = record.request().getMessages().get(record.request().getMessages().size() - 1).getContent();
			String oneLine = text.replaceAll("\\s+", " ").strip();
			excerpt = (oneLine.length() > EXCERPT) ? oneLine.substring(0, EXCERPT - 1) + "…" : oneLine;
		}
		return new ReplayReport.Change(record.requestId(), record.customId(), before, now,
				(record.decision() != null) ? record.decision().confidence() : null, label, excerpt);
	}

	private static void addIfKnown(List<Double> values, Double value) {
		if (value != null) {
			values.add(value);
		}
	}

	private static Double mean(List<Double> values) {
		return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
	}

}
