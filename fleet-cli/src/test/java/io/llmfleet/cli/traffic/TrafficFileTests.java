package io.llmfleet.cli.traffic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrafficFileTests {

	@TempDir
	Path dir;

	@Test
	void aRecordReadBackEqualsTheOneWritten() throws Exception {
		InferenceRequest request = InferenceRequest.newBuilder(TrafficJoinTests.request("r1"))
			.setModel("llama3.2-3b")
			.setTierHint("code")
			.setAllowFallback(false)
			.setPriority(3)
			.setTenant("team-a")
			.setOptions(GenerationOptions.newBuilder()
				.setMaxTokens(64)
				.setTemperature(0.5f)
				.setSeed(7L)
				.setStop(List.of("END"))
				.build())
			.build();
		TrafficRecord full = new TrafficRecord(request, new TrafficRecord.Decision("fast", 1.0, "pin", null, true),
				new TrafficRecord.Served("fast", "llama3.2-3b", "w1", "OK", null, 1, 120L, 3L, 100L, 12, 30));
		TrafficRecord bare = new TrafficRecord(TrafficJoinTests.request("r2"), null, null);
		Path file = this.dir.resolve("traffic.jsonl");

		TrafficFile.write(file, List.of(full, bare));

		assertThat(TrafficFile.read(file)).containsExactly(full, bare);
		assertThat(Files.readAllLines(file).get(0)).contains("\"request_id\":\"r1\"")
			.contains("\"custom_id\":\"custom-r1\"")
			.contains("\"tier\":\"fast\"")
			.contains("\"latency_ms\":120");
	}

	@Test
	void aLineThatIsNotARecordIsNamed() throws Exception {
		Path file = this.dir.resolve("bad.jsonl");
		Files.writeString(file, "{\"request_id\":\"r1\"}\n");

		assertThatIllegalArgumentException().isThrownBy(() -> TrafficFile.read(file))
			.withMessageContaining("bad.jsonl:1")
			.withMessageContaining("fleet export");
	}

}
