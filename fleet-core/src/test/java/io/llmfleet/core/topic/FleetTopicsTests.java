package io.llmfleet.core.topic;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;

class FleetTopicsTests {

	private final FleetTopics topics = new FleetTopics("acme.", 3, 6, (short) 1);

	@Test
	void everyNameCarriesThePrefix() {
		assertThat(List.of(this.topics.requests(), this.topics.classified(), this.topics.capacity(),
				this.topics.deadLetter(), this.topics.results(), this.topics.outcomes(), this.topics.model("m")))
			.containsExactly("acme.requests", "acme.classified", "acme.capacity", "acme.dead-letter", "acme.results",
					"acme.outcomes", "acme.model.m");
	}

	@Test
	void capacityAndBatchesAreCompactedAndModelTopicsGetTheirOwnPartitionCount() {
		FleetCatalog catalog = new FleetCatalog(List.of(new Tier("t", List.of())),
				List.of(new Model("m", "ollama", "m:1", "t", 8192, null)));

		List<NewTopic> all = this.topics.all(catalog);

		assertThat(all).extracting(NewTopic::name).hasSize(8).contains("acme.model.m");
		assertThat(all)
			.filteredOn((topic) -> topic.name().equals("acme.capacity") || topic.name().equals("acme.batches"))
			.hasSize(2)
			.allSatisfy((topic) -> assertThat(topic.configs()).isEqualTo(Map.of("cleanup.policy", "compact")));
		assertThat(all).filteredOn((topic) -> topic.name().equals("acme.model.m"))
			.singleElement()
			.extracting(NewTopic::numPartitions)
			.isEqualTo(6);
	}

	@Test
	void resultsGoToReplyToOrElseTheDefaultResultsTopic() {
		InferenceRequest.Builder request = InferenceRequest.newBuilder()
			.setRequestId("r")
			.setMessages(List.of(new ChatMessage("user", "hi")))
			.setCreatedAt(java.time.Instant.now());

		assertThat(this.topics.replyTo(request.build())).isEqualTo("acme.results");
		assertThat(this.topics.replyTo(request.setReplyTo("private.replies").build())).isEqualTo("private.replies");
	}

}
