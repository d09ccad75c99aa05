package io.llmfleet.cli.replay;

import java.util.List;
import java.util.Map;

/**
 * What replaying recorded traffic under a candidate policy found; rendered by
 * {@link MarkdownReport} and {@link HtmlReport}.
 *
 * @param candidate the candidate policy's name
 * @param classifier the candidate's tier model ({@code name@version})
 * @param threshold the candidate's confidence threshold
 * @param tiers the tiers, lightest first
 * @param requests recorded requests replayed
 * @param decided requests with a recorded production decision
 * @param mixBefore production's tiers ({@link #NONE} for requests without a decision)
 * @param mixAfter the candidate's tiers ({@link #REJECTED} for requests it rejects)
 * @param agreed decided requests the candidate sends to production's tier
 * @param confusion production tier (rows) against candidate tier (columns), over
 * {@code tiers}
 * @param labels scores against labels; null when no labels were given or none matched
 * @param cost estimated cost before and after
 * @param latency estimated mean end-to-end latency in ms before and after; null parts
 * when unknown
 * @param models recorded latency per model
 * @param sweep cost against quality for the candidate's model over confidence thresholds
 * @param changes requests whose tier changed, in traffic order
 */
public record ReplayReport(String candidate, String classifier, double threshold, List<String> tiers, int requests,
		int decided, Map<String, Integer> mixBefore, Map<String, Integer> mixAfter, int agreed, int[][] confusion,
		LabelScores labels, Pair cost, Pair latency, List<ModelLatency> models, Sweep sweep, List<Change> changes) {

	/** The mix key of requests production has no decision for. */
	public static final String NONE = "(none)";

	/** The mix key of requests the candidate rejects. */
	public static final String REJECTED = "(rejected)";

	/** The share of decided requests the candidate routes as production did. */
	public double agreement() {
		return (this.decided == 0) ? 1.0 : (double) this.agreed / this.decided;
	}

	/**
	 * A figure before (production) and after (candidate).
	 *
	 * @param before production's
	 * @param after the candidate's
	 */
	public record Pair(Double before, Double after) {

		/** The relative change, after over before minus one; null when unknown. */
		public Double change() {
			return (this.before == null || this.after == null || this.before == 0) ? null
					: this.after / this.before - 1;
		}

	}

	/**
	 * Scores against labels.
	 *
	 * @param labelled requests with a label
	 * @param production production's counts
	 * @param candidate the candidate's counts
	 * @param confusion label (rows) against candidate tier (columns)
	 * @param productionConfusion label (rows) against production tier (columns)
	 */
	public record LabelScores(int labelled, Counts production, Counts candidate, int[][] confusion,
			int[][] productionConfusion) {
	}

	/**
	 * Routing against labels.
	 *
	 * @param correct sent to the label's tier
	 * @param under sent lighter than the label: cheaper, and a worse answer
	 * @param over sent heavier than the label: a good answer that cost more than needed
	 */
	public record Counts(int correct, int under, int over) {

		double share(int count) {
			int total = this.correct + this.under + this.over;
			return (total == 0) ? 0 : (double) count / total;
		}

		public double accuracy() {
			return share(this.correct);
		}

		public double underRouted() {
			return share(this.under);
		}

		public double overRouted() {
			return share(this.over);
		}

	}

	/**
	 * Recorded latency of one model's OK results.
	 *
	 * @param model the model
	 * @param tier its tier in the candidate catalogue
	 * @param cost its cost weight
	 * @param count results
	 * @param p50Ms median end-to-end latency
	 * @param p95Ms 95th percentile
	 * @param meanMs mean
	 */
	public record ModelLatency(String model, String tier, double cost, int count, long p50Ms, long p95Ms,
			double meanMs) {
	}

	/**
	 * Cost against quality over thresholds.
	 *
	 * @param quality what quality means here: accuracy against labels, or agreement with
	 * production without them
	 * @param points one per threshold, ascending
	 * @param production production as recorded
	 * @param candidate the candidate as configured
	 */
	public record Sweep(String quality, List<Point> points, Point production, Point candidate) {
	}

	/**
	 * One policy's estimated cost per request and quality.
	 *
	 * @param label what it is
	 * @param threshold its confidence threshold
	 * @param costPerRequest estimated mean cost
	 * @param quality its quality, 0..1
	 */
	public record Point(String label, double threshold, double costPerRequest, double quality) {
	}

	/**
	 * A request the candidate routes to another tier.
	 *
	 * @param requestId the request
	 * @param customId its {@code custom_id}, or null
	 * @param from production's tier
	 * @param to the candidate's tier
	 * @param confidence production's confidence
	 * @param label its label, or null
	 * @param excerpt the start of its prompt, or null when prompts are left out
	 */
	public record Change(String requestId, String customId, String from, String to, Double confidence, String label,
			String excerpt) {
	}

}
