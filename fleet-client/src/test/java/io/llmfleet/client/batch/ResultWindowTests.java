package io.llmfleet.client.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.Timings;

import static org.assertj.core.api.Assertions.assertThat;

class ResultWindowTests {

	private final List<BatchResult> delivered = new ArrayList<>();

	@Test
	void aResultAlreadyOnTheReplyTopicIsClaimedByItsItemWithoutWaiting() {
		ResultWindow window = new ResultWindow(Map.of("id-1", result("id-1")), this.delivered::add);

		assertThat(window.claim("id-1", "row-1", 0)).isTrue();
		assertThat(window.claim("id-2", "row-2", 1)).isFalse();

		assertThat(this.delivered).singleElement().satisfies((result) -> {
			assertThat(result.customId()).isEqualTo("row-1");
			assertThat(result.result().getRequestId()).isEqualTo("id-1");
		});
	}

	@Test
	void aResultDeliveredTwiceReachesTheCallbackOnce() {
		ResultWindow window = new ResultWindow(Map.of(), this.delivered::add);
		window.expect("id-1", "row-1", 0, Instant.now().plusSeconds(60));

		window.arrived(result("id-1"));
		window.arrived(result("id-1"));
		window.await(Duration.ofMillis(10));
		window.await(Duration.ofMillis(10));

		assertThat(this.delivered).hasSize(1);
		assertThat(window.pending()).isZero();
	}

	@Test
	void aResultThatComesBeforeItsItemIsReachedWaitsForIt() {
		ResultWindow window = new ResultWindow(Map.of(), this.delivered::add);

		window.arrived(result("id-9"));
		window.await(Duration.ofMillis(10));
		assertThat(this.delivered).isEmpty();

		assertThat(window.claim("id-9", "row-9", 8)).isTrue();
		assertThat(this.delivered).extracting(BatchResult::sequence).containsExactly(8L);
	}

	@Test
	void anItemWhoseDeadlineAndGraceHavePassedIsDeliveredWithoutAResult() throws Exception {
		ResultWindow window = new ResultWindow(Map.of(), this.delivered::add);
		window.expect("id-1", "row-1", 0, Instant.now().minus(ResultWindow.GRACE).minusSeconds(1));

		// Deadlines are checked at most once a second.
		Thread.sleep(1100);
		window.await(Duration.ofMillis(10));

		assertThat(this.delivered).singleElement().satisfies((result) -> {
			assertThat(result.result()).isNull();
			assertThat(result.failure()).contains("no result by");
		});
		assertThat(window.withoutResult()).isEqualTo(1);
		assertThat(window.pending()).isZero();
	}

	private static InferenceResult result(String id) {
		return InferenceResult.newBuilder()
			.setRequestId(id)
			.setStatus(ResultStatus.OK)
			.setTimings(Timings.newBuilder().build())
			.setCompletedAt(Instant.now())
			.build();
	}

}
