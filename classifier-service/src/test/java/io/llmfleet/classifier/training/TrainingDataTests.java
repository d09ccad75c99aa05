package io.llmfleet.classifier.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrainingDataTests {

	@TempDir
	Path dir;

	@Test
	void rowsAreReadWithDefaultsForMissingFields() throws IOException {
		Path file = write("{\"id\":\"a\",\"prompt\":\"hi\",\"tier\":\"fast\",\"language\":\"en\",\"source\":\"s\"}", "",
				"{\"prompt\":\"ls -la\",\"tier\":\"code\"}");

		List<LabelledPrompt> rows = TrainingData.read(file);

		assertThat(rows).containsExactly(new LabelledPrompt("a", "hi", "fast", "unknown", "en", "s"),
				new LabelledPrompt("line-3", "ls -la", "code", "unknown", "unknown", "unknown"));
	}

	@Test
	void aBadLineIsNamedByItsNumber() throws IOException {
		Path file = write("{\"prompt\":\"hi\",\"tier\":\"fast\"}", "{\"prompt\":\"no tier\"}");

		assertThatIllegalArgumentException().isThrownBy(() -> TrainingData.read(file))
			.withMessageContaining(":2 needs both");
	}

	@Test
	void theTrainingFileHasEveryTier() throws IOException {
		List<LabelledPrompt> rows = TrainingData.read(Path.of("..", "data", "routing-train.jsonl"));

		assertThat(rows).hasSize(3053);
		assertThat(rows).extracting(LabelledPrompt::tier).containsOnly("fast", "code", "heavy");
	}

	private Path write(String... lines) throws IOException {
		Path file = this.dir.resolve("data.jsonl");
		Files.write(file, List.of(lines));
		return file;
	}

}
