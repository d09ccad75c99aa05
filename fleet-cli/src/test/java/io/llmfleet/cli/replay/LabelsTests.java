package io.llmfleet.cli.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelsTests {

	@TempDir
	Path dir;

	@Test
	void aRequestIsLabelledByIdThenCustomIdThenItsText() throws Exception {
		Path file = this.dir.resolve("labels.jsonl");
		Files.writeString(file, """
				{"request_id": "r1", "tier": "heavy"}
				{"custom_id": "c2", "tier": "code"}
				{"id": "rtt-1", "prompt": "  What is the capital of Peru?\\n", "tier": "fast", "source": "x"}
				""");
		Labels labels = Labels.read(file);

		assertThat(labels.tierOf(record("r1", "c1", "anything"))).contains("heavy");
		assertThat(labels.tierOf(record("r2", "c2", "anything"))).contains("code");
		assertThat(labels.tierOf(record("r3", null, "What is the capital of Peru?"))).contains("fast");
		assertThat(labels.tierOf(record("r4", "c4", "unlabelled"))).isEmpty();
	}

	@Test
	void aLineWithoutTierOrKeyIsNamed() throws Exception {
		Path noTier = this.dir.resolve("no-tier.jsonl");
		Files.writeString(noTier, "{\"request_id\": \"r1\"}\n");
		Path noKey = this.dir.resolve("no-key.jsonl");
		Files.writeString(noKey, "{\"tier\": \"fast\"}\n");

		assertThatIllegalArgumentException().isThrownBy(() -> Labels.read(noTier))
			.withMessageContaining("no-tier.jsonl:1");
		assertThatIllegalArgumentException().isThrownBy(() -> Labels.read(noKey))
			.withMessageContaining("no-key.jsonl:1")
			.withMessageContaining("custom_id");
	}

	private static TrafficRecord record(String id, String customId, String prompt) {
		return new TrafficRecord(InferenceRequest.newBuilder()
			.setRequestId(id)
			.setMessages(List.of(new ChatMessage("user", prompt)))
			.setCreatedAt(java.time.Instant.EPOCH)
			.setMetadata((customId != null) ? Map.of("custom_id", customId) : Map.of())
			.build(), null, null);
	}

}
