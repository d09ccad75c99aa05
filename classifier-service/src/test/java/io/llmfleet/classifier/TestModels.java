package io.llmfleet.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.model.LinearModel;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.TrainingData;
import io.llmfleet.classifier.training.TrainingOptions;

/** Models and data for tests: hand-set models, and a model trained on a small subset. */
public final class TestModels {

	/** The tiers of the training file, lightest first. */
	public static final List<String> TIERS = List.of("fast", "code", "heavy");

	/** The project's training file. */
	public static final Path TRAINING_FILE = Path.of("..", "data", "routing-train.jsonl");

	/** Small hash space: tests need no more, and models stay small. */
	public static final FeatureSpec SPEC = new FeatureSpec(FeatureSpec.CURRENT_FEATURES_VERSION, 16, 1, 4, 4000, 1.0f,
			1.0f, 0.5f, 1.0f, 1.0f, 0.5f);

	private static List<LabelledPrompt> subset;

	private TestModels() {
	}

	/**
	 * A model that ignores the prompt: its probabilities are the softmax of {@code bias}.
	 */
	public static TierModel constant(String version, float... bias) {
		return new TierModel("constant", version, TIERS.subList(0, bias.length), SPEC,
				new LinearModel(SPEC.dimension(), bias.length, new float[SPEC.dimension() * bias.length], bias), 1.0,
				Map.of());
	}

	/**
	 * Every fifth row of the training file: 611 rows of every tier, source and language.
	 */
	public static synchronized List<LabelledPrompt> subset() {
		if (subset == null) {
			try {
				List<LabelledPrompt> all = TrainingData.read(TRAINING_FILE);
				List<LabelledPrompt> rows = new ArrayList<>();
				for (int i = 0; i < all.size(); i += 5) {
					rows.add(all.get(i));
				}
				subset = List.copyOf(rows);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return subset;
	}

	/** Quick options: few iterations, three calibration folds. */
	public static TrainingOptions quickOptions() {
		return new TrainingOptions(1e-3, 60, 1e-5, 1, true, 3, 7L);
	}

	/** A model trained on {@link #subset()}. */
	public static TierModel trainedOnSubset(String version) {
		return new ModelTrainer(SPEC, quickOptions()).train(subset(), TIERS, "subset", version, Map.of());
	}

}
