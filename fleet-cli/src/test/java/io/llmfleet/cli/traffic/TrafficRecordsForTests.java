package io.llmfleet.cli.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Traffic records for tests of other packages. */
public final class TrafficRecordsForTests {

	private TrafficRecordsForTests() {
	}

	/** One bare record per creation time, in milliseconds after 10:00. */
	public static List<TrafficRecord> createdAtMillis(long... millis) {
		List<TrafficRecord> records = new ArrayList<>();
		for (long at : millis) {
			records.add(new TrafficRecord(
					io.llmfleet.schemas.InferenceRequest.newBuilder(TrafficJoinTests.request("r" + at))
						.setCreatedAt(Instant.parse("2025-06-01T10:00:00Z").plusMillis(at))
						.build(),
					null, null));
		}
		return records;
	}

}
