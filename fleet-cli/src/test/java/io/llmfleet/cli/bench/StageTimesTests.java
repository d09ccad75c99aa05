package io.llmfleet.cli.bench;

import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.Timings;

import static org.assertj.core.api.Assertions.assertThat;

class StageTimesTests {

	@Test
	void meansEachStageAndLeavesTheRestToTheWayBack() {
		StageTimes times = new StageTimes();
		times.add(timings(2, 3, 1, 4), 12);
		times.add(timings(4, 1, 1, 2), 10);
		assertThat(times.count()).isEqualTo(2);
		assertThat(times.means()).containsExactly(entry("classify", 3.0), entry("dispatch", 2.0), entry("queue", 1.0),
				entry("backend", 3.0), entry("rest", 2.0));
	}

	@Test
	void resultsWithoutStageTimingsAreLeftOut() {
		StageTimes times = new StageTimes();
		times.add(Timings.newBuilder().setTotalMs(5L).build(), 5);
		times.add(null, 5);
		assertThat(times.count()).isZero();
		assertThat(times.means()).isEmpty();
	}

	@Test
	void aClientClockBehindTheStagesGivesNoNegativeRest() {
		StageTimes times = new StageTimes();
		times.add(timings(3, 3, 3, 3), 10);
		assertThat(times.means()).containsEntry("rest", 0.0);
	}

	private static Timings timings(long classify, long dispatch, long queue, long backend) {
		return Timings.newBuilder()
			.setClassifyMs(classify)
			.setDispatchMs(dispatch)
			.setQueueMs(queue)
			.setBackendMs(backend)
			.build();
	}

	private static java.util.Map.Entry<String, Double> entry(String stage, double mean) {
		return java.util.Map.entry(stage, mean);
	}

}
