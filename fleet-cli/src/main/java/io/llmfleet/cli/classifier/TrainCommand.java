package io.llmfleet.cli.classifier;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.model.ModelFile;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;

/**
 * {@code fleet classifier train}: fits a tier model on labelled JSONL and writes the
 * model file. Deterministic: the same file and options write the same bytes. The version
 * defaults to {@code <format>.<features>.<data digest>}, so it changes whenever the file
 * layout, the features or the data change.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
		description = "Train a tier model from labelled JSONL and write the model file.")
class TrainCommand implements Callable<Integer> {

	@Option(names = "--data", required = true, description = "Labelled JSONL (prompt, tier, ...)")
	Path data;

	@Option(names = "--out", required = true, description = "Model file to write")
	Path out;

	@Option(names = "--name", defaultValue = "tier-lr", description = "Model name (default: ${DEFAULT-VALUE})")
	String name;

	@Option(names = "--version", description = "Model version (default: <format>.<features>.<data sha-256 prefix>)")
	String version;

	@Mixin
	TrainingSettings settings;

	@Override
	public Integer call() throws Exception {
		List<LabelledPrompt> rows = TrainingData.read(this.data);
		String digest = TrainingData.sha256(this.data);
		String modelVersion = (this.version != null) ? this.version
				: ModelFile.FORMAT_VERSION + "." + FeatureSpec.CURRENT_FEATURES_VERSION + "." + digest.substring(0, 8);
		System.out.printf("Training %s@%s on %d rows of %s (tiers %s)%n", this.name, modelVersion, rows.size(),
				this.data, this.settings.tiers());
		long start = System.nanoTime();
		TierModel model = this.settings.trainer()
			.train(rows, this.settings.tiers(), this.name, modelVersion,
					Map.of("data", this.data.getFileName().toString(), "data-sha256", digest));
		ModelFile.write(model, this.out);
		System.out.printf("Wrote %s: %s, %d weighted features, temperature %.3f, in %.1f s%n", this.out, model.id(),
				model.linear().nonZeroFeatures(), model.temperature(), (System.nanoTime() - start) / 1e9);
		return 0;
	}

}
