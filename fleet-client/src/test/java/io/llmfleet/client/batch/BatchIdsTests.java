package io.llmfleet.client.batch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BatchIdsTests {

	@Test
	void theSameBatchAndCustomIdAlwaysGiveTheSameRequestId() {
		assertThat(BatchIds.requestId("nightly-1", "row-7")).isEqualTo(BatchIds.requestId("nightly-1", "row-7"))
			.matches("[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
	}

	@Test
	void anotherBatchOrCustomIdGivesAnotherRequestId() {
		assertThat(BatchIds.requestId("nightly-1", "row-7")).isNotEqualTo(BatchIds.requestId("nightly-2", "row-7"))
			.isNotEqualTo(BatchIds.requestId("nightly-1", "row-8"));
		// Concatenation alone would make these two equal.
		assertThat(BatchIds.requestId("a", "b.c")).isNotEqualTo(BatchIds.requestId("a.b", "c"));
	}

	@Test
	void aBatchIdThatCannotNameATopicIsRefusedWithTheId() {
		assertThatIllegalArgumentException().isThrownBy(() -> BatchIds.requireValid("my batch/1"))
			.withMessageContaining("'my batch/1'")
			.withMessageContaining("reply topic");
		assertThatIllegalArgumentException().isThrownBy(() -> BatchIds.requireValid("x".repeat(201)));
		assertThat(BatchIds.requireValid("nightly_2025-06.01")).isEqualTo("nightly_2025-06.01");
	}

	@Test
	void freshBatchIdsAreValidAndDiffer() {
		String first = BatchIds.newBatchId();
		assertThat(BatchIds.requireValid(first)).startsWith("batch-");
		assertThat(BatchIds.newBatchId()).isNotEqualTo(first);
	}

	@Test
	void optionsRejectANonPositiveWindow() {
		assertThatIllegalArgumentException().isThrownBy(() -> BatchOptions.of("b").withMaxInFlight(0))
			.withMessageContaining("maxInFlight")
			.withMessageContaining("0");
	}

}
