package io.llmfleet.classifier.cascade;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.TestModels;
import io.llmfleet.classifier.model.LinearModel;
import io.llmfleet.classifier.model.ModelFile;
import io.llmfleet.classifier.model.ModelFileException;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeadFileTests {

	@TempDir
	Path directory;

	@Test
	void aHeadReadsBackAsWrittenAndWritesTheSameBytesAgain() throws IOException {
		HeadModel head = head();
		Path file = this.directory.resolve("head.bin");

		HeadFile.write(head, file);
		HeadModel read = HeadFile.read(file);

		assertThat(read.id()).isEqualTo("test-head@1.128.abc");
		assertThat(read.tiers()).isEqualTo(TestModels.TIERS);
		assertThat(read.encoder()).isEqualTo("all-minilm-l6-v2-q/128");
		assertThat(read.maxTokens()).isEqualTo(128);
		assertThat(read.temperature()).isEqualTo(head.temperature());
		assertThat(read.metadata()).isEqualTo(head.metadata());
		assertThat(read.linear()).isEqualTo(head.linear());
		float[] embedding = new float[SentenceEncoder.DIMENSION];
		Arrays.fill(embedding, 0.05f);
		assertThat(read.probabilities(embedding)).containsExactly(head.probabilities(embedding));
		Path again = this.directory.resolve("again.bin");
		HeadFile.write(read, again);
		assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(file));
	}

	@Test
	void aChangedByteIsRefusedByItsChecksum() throws IOException {
		byte[] body = gunzip(bytes(head()));
		body[body.length / 2] ^= 0x10;

		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> HeadFile.read(new ByteArrayInputStream(gzip(body)), "flipped.bin"))
			.withMessageContaining("flipped.bin")
			.withMessageContaining("checksum mismatch");
	}

	@Test
	void aTruncatedHeadIsRefused() throws IOException {
		byte[] file = bytes(head());

		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> HeadFile.read(new ByteArrayInputStream(Arrays.copyOf(file, file.length / 2)), "cut.bin"))
			.withMessageContaining("cut.bin is corrupt or truncated");
	}

	@Test
	void aFirstStageModelIsNotTakenForAHead() throws IOException {
		Path file = this.directory.resolve("tier-model.bin");
		ModelFile.write(TestModels.constant("1", 1, 0, 0), file);

		assertThatExceptionOfType(ModelFileException.class).isThrownBy(() -> HeadFile.read(file))
			.withMessageContaining("is not a cascade head file");
	}

	@Test
	void aHeadOfAnotherEncoderIsRefusedByTheStage() {
		HeadModel other = new HeadModel("other", "1", TestModels.TIERS, "bge-small-en-v15-q/128", head().linear(), 1.0,
				Map.of());

		assertThatExceptionOfType(ModelFileException.class)
			.isThrownBy(() -> new EmbeddingStage(SharedEncoder.get(), other))
			.withMessageContaining("bge-small-en-v15-q/128");
	}

	@Test
	void theShippedHeadFitsTheShippedModelAndTheBundledEncoder() throws IOException {
		HeadModel shipped = HeadFile.load(CascadeProperties.DEFAULT_MODEL);
		TierModel model = ModelLocation.of("classpath:models/tier-model.bin").load();

		assertThat(shipped.tiers()).isEqualTo(model.tiers());
		assertThat(shipped.encoder()).isEqualTo(SharedEncoder.get().id());
		assertThat(shipped.metadata()).containsKey("data-sha256");
	}

	private static HeadModel head() {
		int classes = 3;
		float[] weights = new float[SentenceEncoder.DIMENSION * classes];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = (float) Math.sin(i) * 3;
		}
		return new HeadModel("test-head", "1.128.abc", TestModels.TIERS, "all-minilm-l6-v2-q/128",
				new LinearModel(SentenceEncoder.DIMENSION, classes, weights, new float[] { 0.5f, -0.25f, 0.1f }), 1.3,
				Map.of("data-sha256", "abc", "rows", "3053"));
	}

	private static byte[] bytes(HeadModel head) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HeadFile.write(head, out);
		return out.toByteArray();
	}

	private static byte[] gunzip(byte[] bytes) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
