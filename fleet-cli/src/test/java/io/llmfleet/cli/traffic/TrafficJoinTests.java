package io.llmfleet.cli.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

import static org.assertj.core.api.Assertions.assertThat;

class TrafficJoinTests {

	private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

	@Test
	void aRequestIsJoinedWithItsClassificationAndItsFinalAttempt() {
		TrafficJoin join = new TrafficJoin();
		join.request(request("r1"));
		join.classification("r1", classification("heavy", 0.8));
		join.outcome(outcome("r1", 1, "heavy", "gpt-oss-20b", ResultStatus.FAILED, T0.plusSeconds(1)));
		join.outcome(outcome("r1", 2, "code", "qwen2.5-coder-7b", ResultStatus.OK, T0.plusSeconds(2)));

		TrafficRecord record = join.records().get(0);

		assertThat(record.decision()).isEqualTo(new TrafficRecord.Decision("heavy", 0.8, "tier@1", "en", false));
		assertThat(record.served().model()).isEqualTo("qwen2.5-coder-7b");
		assertThat(record.served().tier()).isEqualTo("code");
		assertThat(record.served().status()).isEqualTo("OK");
		assertThat(record.served().attempts()).isEqualTo(2);
		assertThat(record.served().latencyMs()).isEqualTo(2000);
		assertThat(record.customId()).isEqualTo("custom-r1");
	}

	@Test
	void theFinalAttemptWinsWhateverOrderTheOutcomesComeIn() {
		TrafficJoin join = new TrafficJoin();
		join.request(request("r1"));
		join.outcome(outcome("r1", 2, "code", "qwen2.5-coder-7b", ResultStatus.OK, T0.plusSeconds(2)));
		join.outcome(outcome("r1", 1, "heavy", "gpt-oss-20b", ResultStatus.FAILED, T0.plusSeconds(1)));
		// A redelivered attempt: the later of the two.
		join.outcome(outcome("r1", 2, "code", "qwen2.5-coder-14b", ResultStatus.OK, T0.plusSeconds(3)));

		assertThat(join.records().get(0).served().model()).isEqualTo("qwen2.5-coder-14b");
	}

	@Test
	void aRequestWithoutClassificationOrOutcomeIsKeptWithoutThem() {
		TrafficJoin join = new TrafficJoin();
		join.request(request("r1"));
		join.request(request("r2"));
		join.request(request("r1"));

		assertThat(join.records()).extracting(TrafficRecord::requestId).containsExactly("r1", "r2");
		assertThat(join.records()).allSatisfy((record) -> {
			assertThat(record.decision()).isNull();
			assertThat(record.served()).isNull();
		});
		assertThat(join.knows("r3")).isFalse();
	}

	static InferenceRequest request(String id) {
		return InferenceRequest.newBuilder()
			.setRequestId(id)
			.setBatchId("b1")
			.setMessages(List.of(new ChatMessage("user", "Prompt of " + id)))
			.setCreatedAt(T0)
			.setMetadata(Map.of("custom_id", "custom-" + id))
			.build();
	}

	static Classification classification(String tier, double confidence) {
		return Classification.newBuilder()
			.setTier(tier)
			.setConfidence(confidence)
			.setClassifier("tier@1")
			.setLanguage("en")
			.build();
	}

	static RoutingOutcome outcome(String id, int attempt, String tier, String model, ResultStatus status,
			Instant finished) {
		return RoutingOutcome.newBuilder()
			.setRequestId(id)
			.setTier(tier)
			.setModelId(model)
			.setWorkerId("w1")
			.setStatus(status)
			.setErrorKind((status == ResultStatus.OK) ? null : ErrorKind.CAPACITY)
			.setAttempt(attempt)
			.setTotalMs(finished.toEpochMilli() - T0.toEpochMilli())
			.setFinishedAt(finished)
			.build();
	}

}
