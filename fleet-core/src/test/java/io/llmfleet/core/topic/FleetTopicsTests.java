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

	@Test
	void aReplyToThatCannotTakeResultsIsRefusedWithTheReasonAndResultsGoToTheDefaultTopic() {
		assertThat(this.topics.replyToProblem("acme.requests")).hasValue(
				"reply_to 'acme.requests' is one of the fleet's own topics; name a topic for results, such as acme.results");
		assertThat(this.topics.replyToProblem("acme.model.llama")).get()
			.asString()
			.contains("one of the fleet's own topics");
		assertThat(this.topics.replyToProblem("__consumer_offsets")).get().asString().contains("an internal topic");
		assertThat(this.topics.replyToProblem("_schemas")).get().asString().contains("an internal topic");
		assertThat(this.topics.replyToProblem("no spaces allowed")).get()
			.asString()
			.startsWith("reply_to 'no spaces allowed' is not a valid Kafka topic name");
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("r")
			.setMessages(List.of(new ChatMessage("user", "hi")))
			.setCreatedAt(java.time.Instant.now())
			.setReplyTo("acme.classified")
			.build();

		assertThat(this.topics.replyTo(request)).isEqualTo("acme.results");
	}

	@Test
	void anyOtherReplyToIsFine() {
		assertThat(this.topics.replyToProblem("acme.results")).isEmpty();
		assertThat(this.topics.replyToProblem("acme.replies.batch-7")).isEmpty();
		assertThat(this.topics.replyToProblem("team-a.answers")).isEmpty();
		assertThat(this.topics.replyToProblem(null)).isEmpty();
	}

}
