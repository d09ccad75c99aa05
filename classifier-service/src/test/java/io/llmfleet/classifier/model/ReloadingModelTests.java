package io.llmfleet.classifier.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.TestModels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

class ReloadingModelTests {

	@TempDir
	Path dir;

	@Test
	void aNewValidFileReplacesTheModel() throws IOException {
		Path file = write("1");
		try (ReloadingModel model = new ReloadingModel(ModelLocation.of(file.toString()), Duration.ZERO, (m) -> {
		})) {
			replace(file, "2");

			assertThat(model.reloadIfChanged()).isTrue();
			assertThat(model.get().id()).isEqualTo("constant@2");
		}
	}

	@Test
	void aBadFileIsRefusedAndTheOldModelKeepsServing() throws IOException {
		Path file = write("1");
		try (ReloadingModel model = new ReloadingModel(ModelLocation.of(file.toString()), Duration.ZERO, (m) -> {
		})) {
			Files.writeString(file, "not a model");
			touch(file, 5);

			assertThat(model.reloadIfChanged()).isFalse();
			assertThat(model.get().id()).isEqualTo("constant@1");

			replace(file, "3");
			assertThat(model.reloadIfChanged()).isTrue();
			assertThat(model.get().id()).isEqualTo("constant@3");
		}
	}

	@Test
	void aModelTheValidatorRejectsIsRefused() throws IOException {
		Path file = write("1");
		try (ReloadingModel model = new ReloadingModel(ModelLocation.of(file.toString()), Duration.ZERO, (m) -> {
			if (m.version().equals("bad")) {
				throw ModelFileException.incompatible(m.id(), "unknown tier");
			}
		})) {
			replace(file, "bad");

			assertThat(model.reloadIfChanged()).isFalse();
			assertThat(model.get().id()).isEqualTo("constant@1");
		}
	}

	@Test
	void anUnchangedFileIsNotReadAgain() throws IOException {
		Path file = write("1");
		try (ReloadingModel model = new ReloadingModel(ModelLocation.of("file:" + file), Duration.ZERO, (m) -> {
		})) {
			assertThat(model.reloadIfChanged()).isFalse();
		}
	}

	@Test
	void thePollerPicksUpANewFile() throws IOException {
		Path file = write("1");
		try (ReloadingModel model = new ReloadingModel(ModelLocation.of(file.toString()), Duration.ofMillis(50),
				(m) -> {
				})) {
			replace(file, "2");

			await().atMost(Duration.ofSeconds(10)).until(() -> model.get().id().equals("constant@2"));
		}
	}

	@Test
	void aBadInitialModelStopsStartUp() throws IOException {
		Path file = this.dir.resolve("missing.model");

		assertThatIOException()
			.isThrownBy(() -> new ReloadingModel(ModelLocation.of(file.toString()), Duration.ZERO, (m) -> {
			}));
		assertThatIOException()
			.isThrownBy(() -> new ReloadingModel(ModelLocation.of("classpath:models/none.bin"), Duration.ZERO, (m) -> {
			}))
			.withMessageContaining("no such classpath resource");
	}

	private Path write(String version) throws IOException {
		Path file = this.dir.resolve("tier.model");
		ModelFile.write(TestModels.constant(version, 1, 0, 0), file);
		return file;
	}

	private void replace(Path file, String version) throws IOException {
		ModelFile.write(TestModels.constant(version, 0, 1, 0), file);
		// Coarse file systems keep one modification time within a second: move it on.
		touch(file, 10 + version.hashCode() % 50);
	}

	private static void touch(Path file, int seconds) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
	}

}
