package io.llmfleet.cli.classifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.llmfleet.classifier.cascade.HeadFile;
import io.llmfleet.classifier.cascade.HeadModel;
import io.llmfleet.classifier.cascade.SentenceEncoder;
import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.model.ModelFile;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.TrainingData;

/**
 * {@code fleet classifier train}: fits a tier model on labelled JSONL and writes the
 * model file. Deterministic: the same file and options write the same bytes. The version
 * defaults to {@code <format>.<features>.<data digest>}, so it changes whenever the file
 * layout, the features or the data change. With {@code --cascade-out} it also trains the
 * cascade's second-stage head on sentence embeddings of the same rows (version
 * {@code <head format>.<max tokens>.<data digest>}).
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

	@Option(names = "--cascade-out",
			description = "Also train the cascade's second-stage head (sentence embeddings) and write it here")
	Path cascadeOut;

	@Option(names = "--cascade-name", defaultValue = "tier-minilm-head",
			description = "Head name (default: ${DEFAULT-VALUE})")
	String cascadeName;

	@Mixin
	TrainingSettings settings;

	@Mixin
	CascadeSettings cascade;

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
		if (this.cascadeOut != null) {
			trainHead(rows, digest);
		}
		return 0;
	}

	private void trainHead(List<LabelledPrompt> rows, String digest) throws IOException {
		long start = System.nanoTime();
		try (SentenceEncoder encoder = SentenceEncoder.load(this.cascade.maxTokens)) {
			String headVersion = HeadFile.FORMAT_VERSION + "." + encoder.maxTokens() + "." + digest.substring(0, 8);
			System.out.printf("Training %s@%s on embeddings of %s%n", this.cascadeName, headVersion, encoder.id());
			List<float[]> embeddings = CascadeSettings.embed(encoder,
					rows.stream().map(LabelledPrompt::prompt).toList());
			List<String> tiers = this.settings.tiers();
			HeadModel head = this.cascade.headTrainer(this.settings.seed)
				.train(embeddings, ModelTrainer.labels(rows, tiers), tiers, encoder.id(), this.cascadeName, headVersion,
						Map.of("data", this.data.getFileName().toString(), "data-sha256", digest));
			HeadFile.write(head, this.cascadeOut);
			System.out.printf("Wrote %s: %s, %d-d, temperature %.3f, in %.1f s%n", this.cascadeOut, head.id(),
					head.dimension(), head.temperature(), (System.nanoTime() - start) / 1e9);
		}
	}

}
