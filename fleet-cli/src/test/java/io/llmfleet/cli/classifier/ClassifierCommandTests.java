package io.llmfleet.cli.classifier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.llmfleet.classifier.cascade.HeadFile;
import io.llmfleet.classifier.cascade.HeadModel;
import io.llmfleet.classifier.model.ModelFile;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.cli.FleetCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fleet classifier train|eval|calibrate} on a small slice of the training file, so
 * that the whole cycle runs in seconds.
 */
class ClassifierCommandTests {

	@TempDir
	static Path dir;

	static Path data;

	@BeforeAll
	static void writeSlice() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("..", "data", "routing-train.jsonl"));
		List<String> slice = new ArrayList<>();
		for (int i = 0; i < lines.size(); i += 10) {
			slice.add(lines.get(i));
		}
		data = dir.resolve("slice.jsonl");
		Files.write(data, slice);
	}

	@Test
	void trainWritesAVersionedModelFile() throws IOException {
		Path model = dir.resolve("trained.model");

		Run run = run("classifier", "train", "--data", data.toString(), "--out", model.toString(), "--iterations", "40",
				"--calibration-folds", "2");

		assertThat(run.exitCode()).isZero();
		TierModel trained = ModelFile.read(model);
		assertThat(trained.id()).matches("tier-lr@1\\.\\d+\\.[0-9a-f]{8}");
		assertThat(trained.tiers()).containsExactly("fast", "code", "heavy");
		assertThat(run.out()).contains("Wrote", trained.id());
	}

	@Test
	void evalPrintsEveryFigureOfAModel() throws IOException {
		Path model = dir.resolve("eval.model");
		run("classifier", "train", "--data", data.toString(), "--out", model.toString(), "--iterations", "40",
				"--calibration-folds", "0");

		Run run = run("classifier", "eval", "--data", data.toString(), "--model", model.toString());

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("accuracy", "macro-F1", "ECE", "under-routing", "over-routing", "confusion",
				"by language", "by category", "by source");
	}

	@Test
	void evalCrossValidatesLeavingOneSourceOut() {
		Run run = run("classifier", "eval", "--data", data.toString(), "--cv", "loso", "--iterations", "30",
				"--calibration-folds", "0");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("LOSO macro accuracy: mean of per-source accuracies", "by source");
	}

	@Test
	void calibratePicksAThresholdAndSaysWhatItCosts() {
		Run run = run("classifier", "calibrate", "--data", data.toString(), "--cv", "kfold:3", "--iterations", "30",
				"--calibration-folds", "2", "--target-under-routing", "0.5");

		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("threshold", "over-routing", "Set fleet.classifier.confidence-threshold:");
	}

	@Test
	void trainWithCascadeOutWritesAHeadThatEvalComparesWithTheFirstStage() throws IOException {
		Path model = dir.resolve("cascade.model");
		Path head = dir.resolve("cascade-head.bin");

		Run train = run("classifier", "train", "--data", data.toString(), "--out", model.toString(), "--iterations",
				"40", "--calibration-folds", "2", "--cascade-out", head.toString());
		Run eval = run("classifier", "eval", "--data", data.toString(), "--model", model.toString(), "--cascade",
				"--cascade-model", head.toString(), "--cascade-threshold", "0.9");

		assertThat(train.exitCode()).isZero();
		HeadModel written = HeadFile.read(head);
		assertThat(written.id()).matches("tier-minilm-head@1\\.128\\.[0-9a-f]{8}");
		assertThat(written.encoder()).isEqualTo("all-minilm-l6-v2-q/128");
		assertThat(train.out()).contains("Wrote " + head, written.id());
		assertThat(eval.exitCode()).isZero();
		assertThat(eval.out()).contains("Second stage " + written.id(), "first stage", "second stage", "cascade",
				"reached the second stage", "cascade threshold 0.90");
	}

	@Test
	void evalCrossValidatesBothStagesAndCalibrateReadsTheCascade() {
		Run eval = run("classifier", "eval", "--data", data.toString(), "--cv", "kfold:3", "--iterations", "30",
				"--calibration-folds", "0", "--cascade");
		Run calibrate = run("classifier", "calibrate", "--data", data.toString(), "--cv", "kfold:3", "--iterations",
				"30", "--calibration-folds", "0", "--cascade", "--target-under-routing", "0.5");

		assertThat(eval.exitCode()).isZero();
		assertThat(eval.out()).contains("Cross-validation kfold:3 of both stages", "first stage", "second stage",
				"reached the second stage", "Each at its own confidence threshold");
		assertThat(calibrate.exitCode()).isZero();
		assertThat(calibrate.out()).contains("The cascade's output", "Set fleet.classifier.confidence-threshold:");
	}

	@Test
	void aBadCrossValidationSpecIsRefused() {
		Run run = run("classifier", "eval", "--data", data.toString(), "--cv", "halves");

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.err()).contains("'halves'");
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
		try {
			int code = new CommandLine(new FleetCommand()).execute(args);
			return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
	}

	private record Run(int exitCode, String out, String err) {
	}

}
