package io.llmfleet.cli.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountsTests {

	@Test
	void everyRequestAnsweredIsComplete() {
		Counts counts = new Counts(100, 100, 0, 2);
		assertThat(counts.lost()).isZero();
		assertThat(counts.complete()).isTrue();
		assertThatNoException().isThrownBy(() -> counts.requireComplete("raw latency", null));
	}

	@Test
	void lostRequestsFailTheRunWithTheirCounts() {
		Counts counts = new Counts(100, 97, 0, 0);
		assertThat(counts.lost()).isEqualTo(3);
		assertThatThrownBy(() -> counts.requireComplete("fleet throughput", null))
			.isInstanceOf(LostRequestsException.class)
			.hasMessage("fleet throughput: 100 requests sent, 97 results received, 3 lost, 0 failed");
	}

	@Test
	void unsuccessfulResultsFailTheRunWithTheFirstCause() {
		Counts counts = new Counts(10, 10, 1, -1);
		assertThat(counts.complete()).isFalse();
		assertThatThrownBy(() -> counts.requireComplete("fleet latency", "Request r-1 ended REJECTED: no model"))
			.isInstanceOf(LostRequestsException.class)
			.hasMessageContaining("1 failed")
			.hasMessageEndingWith("first failure: Request r-1 ended REJECTED: no model");
	}

	@Test
	void duplicatesAreShownOnlyWhereKnown() {
		assertThat(new Counts(5, 5, 0, 1)).hasToString("sent 5, received 5, lost 0, failed 0, duplicates 1");
		assertThat(new Counts(5, 5, 0, -1)).hasToString("sent 5, received 5, lost 0, failed 0");
	}

}
