package io.llmfleet.classifier.training;

/**
 * How a model is trained.
 *
 * @param l2 the L2 penalty on the weights; larger generalises more, fits less
 * @param maxIterations the most L-BFGS iterations
 * @param tolerance stop when an iteration improves the objective by less than this share
 * @param minCount features found in fewer examples than this get no weight
 * @param balanced weight examples so that each tier counts the same in total
 * @param calibrationFolds folds of out-of-fold predictions the temperature is fitted on
 * @param seed the seed of the fold assignment, the only randomness in training
 */
public record TrainingOptions(double l2, int maxIterations, double tolerance, int minCount, boolean balanced,
		int calibrationFolds, long seed) {

	public TrainingOptions {
		if (!(l2 >= 0)) {
			throw new IllegalArgumentException("l2 must be >= 0, was " + l2);
		}
		if (maxIterations < 1) {
			throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
		}
		if (calibrationFolds == 1 || calibrationFolds < 0) {
			throw new IllegalArgumentException("calibrationFolds must be 0 (none) or >= 2, was " + calibrationFolds);
		}
	}

	/** The options the shipped model is trained with. */
	public static TrainingOptions defaults() {
		return new TrainingOptions(2e-3, 150, 1e-5, 2, true, 5, 42L);
	}

	/** These options with another L2 penalty. */
	public TrainingOptions withL2(double l2) {
		return new TrainingOptions(l2, this.maxIterations, this.tolerance, this.minCount, this.balanced,
				this.calibrationFolds, this.seed);
	}

	/** These options without the temperature fit (for inner folds). */
	public TrainingOptions withoutCalibration() {
		return new TrainingOptions(this.l2, this.maxIterations, this.tolerance, this.minCount, this.balanced, 0,
				this.seed);
	}

}
