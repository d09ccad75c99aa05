package io.llmfleet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FleetCommandTests {

	@Test
	void aBadInputFileEndsTheCommandWithOneLineThatSaysWhatIsWrong(@TempDir Path dir) throws IOException {
		Path batch = Files.writeString(dir.resolve("batch.jsonl"), "{\"custom_id\":\"a\"}\n");

		CliRun run = CliRun.of("submit", batch.toString(), "--bootstrap-servers", "127.0.0.1:1");

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err().strip()).isEqualTo("fleet submit: line 1 (a) has neither body.messages nor prompt");
	}

	@Test
	void aMissingFileIsNamedWithWhatKindOfFailureItIs(@TempDir Path dir) {
		CliRun run = CliRun.of("classifier", "eval", "--data", dir.resolve("missing.jsonl").toString());

		assertThat(run.code()).isEqualTo(1);
		assertThat(run.err()).startsWith("fleet classifier eval: NoSuchFileException: ")
			.contains("missing.jsonl")
			.doesNotContain("\tat ");
	}

	@Test
	void eachCauseIsToldOnceInOrder() {
		UncheckedIOException wrapped = new UncheckedIOException("Cannot read the batch",
				new NoSuchFileException("/data/batch.jsonl"));

		assertThat(FleetCommand.describe(wrapped))
			.isEqualTo("Cannot read the batch: NoSuchFileException: /data/batch.jsonl");
		assertThat(FleetCommand.describe(new UncheckedIOException(new NoSuchFileException("/x"))))
			.isEqualTo("java.nio.file.NoSuchFileException: /x");
	}

}
