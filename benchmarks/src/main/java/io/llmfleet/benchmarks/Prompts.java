package io.llmfleet.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;

/** The benchmark prompts: every prompt of the training file, in file order. */
final class Prompts {

	private Prompts() {
	}

	/**
	 * The prompts of {@code data/routing-train.jsonl}, found from the project root or a
	 * module.
	 */
	static List<String> training() {
		for (Path candidate : List.of(Path.of("data", "routing-train.jsonl"),
				Path.of("..", "data", "routing-train.jsonl"))) {
			if (Files.exists(candidate)) {
				try {
					return TrainingData.read(candidate).stream().map(LabelledPrompt::prompt).toList();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("Run from the project root: data/routing-train.jsonl not found");
	}

}
