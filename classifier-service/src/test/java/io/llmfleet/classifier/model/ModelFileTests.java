package io.llmfleet.classifier.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.TestModels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelFileTests {

	private static final TierModel MODEL = TestModels.constant("3", 0.5f, -0.25f, 1f);

	@TempDir
	Path dir;

	@Test
	void aWrittenModelReadsBackTheSame() throws IOException {
		Path file = this.dir.resolve("tier.model");

		ModelFile.write(MODEL, file);
		TierModel read = ModelFile.read(file);

		assertThat(read.id()).isEqualTo("constant@3");
		assertThat(read.tiers()).isEqualTo(MODEL.tiers());
		assertThat(read.spec()).isEqualTo(MODEL.spec());
		assertThat(read.linear()).isEqualTo(MODEL.linear());
		assertThat(read.predict("anything")).containsExactly(MODEL.predict("anything"));
	}

	@Test
	void writingTheSameModelTwiceGivesTheSameBytes() throws IOException {
		assertThat(bytes(MODEL)).isEqualTo(bytes(MODEL));
	}

	@Test
	void aFileThatIsNoModelIsRefused() {
		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> ModelFile.read(new ByteArrayInputStream("hello".getBytes()), "junk.bin"))
			.withMessageContaining("junk.bin is not a tier model file");
	}

	@Test
	void aTruncatedModelIsRefused() throws IOException {
		byte[] whole = bytes(MODEL);

		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> ModelFile.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length / 2)), "half"))
			.withMessageContaining("half is corrupt or truncated");
	}

	@Test
	void aChangedByteFailsTheChecksum() throws IOException {
		byte[] body = new GZIPInputStream(new ByteArrayInputStream(bytes(MODEL))).readAllBytes();
		body[body.length / 2] ^= 0x40;

		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> ModelFile.read(new ByteArrayInputStream(gzip(body)), "flipped"))
			.withMessageContaining("checksum mismatch");
	}

	@Test
	void aModelIsWrittenAtomicallyOverTheOldOne() throws IOException {
		Path file = this.dir.resolve("tier.model");
		ModelFile.write(TestModels.constant("1", 0, 0, 0), file);

		ModelFile.write(MODEL, file);

		assertThat(ModelFile.read(file).id()).isEqualTo("constant@3");
		try (var files = Files.list(this.dir)) {
			assertThat(files).containsExactly(file);
		}
	}

	private static byte[] bytes(TierModel model) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ModelFile.write(model, out);
		return out.toByteArray();
	}

	private static byte[] gzip(byte[] body) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(body);
		}
		return out.toByteArray();
	}

}
