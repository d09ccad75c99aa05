package io.llmfleet.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.llmfleet.classifier.language.LanguageIdentifier;
import io.llmfleet.classifier.language.LanguageProperties;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;

/**
 * How often the language identifier, with the default languages, names the language a
 * training row is labelled with: one line per labelled language (right / rows, and what
 * the misses were called), then the total over the configured languages. Run from the
 * project root with {@code java -cp ... io.llmfleet.benchmarks.LanguageAccuracy [file]}.
 */
public final class LanguageAccuracy {

	private LanguageAccuracy() {
	}

	public static void main(String[] args) throws IOException {
		Path file = Path.of((args.length > 0) ? args[0] : "data/routing-train.jsonl");
		List<LabelledPrompt> rows = TrainingData.read(file);
		LanguageIdentifier identifier = new LanguageIdentifier(LanguageProperties.defaults());
		Map<String, int[]> counts = new TreeMap<>();
		Map<String, Map<String, Integer>> misses = new TreeMap<>();
		for (LabelledPrompt row : rows) {
			String found = identifier.identify(row.prompt());
			int[] count = counts.computeIfAbsent(row.language(), (language) -> new int[2]);
			count[1]++;
			if (Objects.equals(found, row.language())) {
				count[0]++;
			}
			else {
				misses.computeIfAbsent(row.language(), (language) -> new TreeMap<>())
					.merge(String.valueOf(found), 1, Integer::sum);
			}
		}
		int right = 0;
		int total = 0;
		for (Map.Entry<String, int[]> entry : counts.entrySet()) {
			int[] count = entry.getValue();
			boolean configured = identifier.languages().contains(entry.getKey());
			System.out.printf("%-3s %5d/%-5d %s%s%n", entry.getKey(), count[0], count[1],
					configured ? "" : "(not configured) ", misses.getOrDefault(entry.getKey(), Map.of()));
			if (configured) {
				right += count[0];
				total += count[1];
			}
		}
		System.out.printf("configured languages: %d/%d%n", right, total);
	}

}
