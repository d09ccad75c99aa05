package io.llmfleet.interop;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-line JSON a round-trip script prints when its batch is done: how many requests
 * it sent and results it received, by status and tier, and whether ids matched.
 */
final class RoundTripSummary {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private RoundTripSummary() {
	}

	/**
	 * Asserts that every request of a batch of {@code size} came back OK, once, by its
	 * id.
	 */
	static void assertEveryResultCameBack(String line, int size) {
		JsonNode summary = JSON.readTree(line);
		assertThat(summary.get("sent").asInt()).as(line).isEqualTo(size);
		assertThat(summary.get("received").asInt()).as(line).isEqualTo(size);
		assertThat(summary.get("statuses")).as(line).isEqualTo(JSON.createObjectNode().put("OK", size));
		assertThat(summary.get("ids_match").asBoolean()).as(line).isTrue();
		// Prompts of every tier: the classifier read what the foreign client wrote, not
		// just its key.
		assertThat(summary.get("tiers").size()).as(line).isGreaterThan(1);
	}

}
