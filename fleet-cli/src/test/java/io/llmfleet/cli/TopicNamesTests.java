package io.llmfleet.cli;

import org.junit.jupiter.api.Test;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.core.topic.FleetTopics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client names the fleet's topics itself (it does not depend on fleet-core): the
 * names must be fleet-core's.
 */
class TopicNamesTests {

	@Test
	void theClientsTopicNamesAreTheFleets() {
		for (String prefix : new String[] { "fleet.", "staging-" }) {
			FleetClientConfig client = FleetClientConfig.of("k:9092", "http://r").withTopicPrefix(prefix);
			FleetTopics topics = new FleetTopics(prefix, 3, 6, (short) 1);

			assertThat(client.requestsTopic()).isEqualTo(topics.requests());
			assertThat(client.replyTopic()).isEqualTo(topics.results());
			assertThat(client.batchesTopic()).isEqualTo(topics.batches());
		}
	}

}
