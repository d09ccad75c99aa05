package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.it.GatedBackend;
import io.llmfleet.worker.it.SharedKafka;
import io.llmfleet.worker.it.SharedKafka.Kafka;
import io.llmfleet.worker.it.TestWorkers;
import io.llmfleet.worker.it.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generation that outlasts {@code max.poll.interval.ms} leaves the worker in its group:
 * no rebalance, the same member before and after, one result, the offset committed.
 *
 * <p>
 * The issue asks for a 5-minute generation against the default 5-minute
 * {@code max.poll.interval.ms}. This test scales both down:
 * {@value #MAX_POLL_INTERVAL_MS} ms and a call held three times as long. What it proves
 * does not depend on the scale: the consumer polls every
 * {@link ModelConsumer#POLL_TIMEOUT} whatever its calls do, so the only limit that
 * matters is the interval against the poll timeout, and a call of any length beyond the
 * interval shows that calls and polls are independent. A worker that polled from the
 * calling thread (one consumer per slot, blocking) would be dropped from the group after
 * {@value #MAX_POLL_INTERVAL_MS} ms here, exactly as after 5 minutes in production.
 */
@ExtendWith(SharedKafka.class)
class LongGenerationIT {

	private static final long MAX_POLL_INTERVAL_MS = 3000;

	private static final Duration CALL = Duration.ofMillis(3 * MAX_POLL_INTERVAL_MS);

	private static Kafka kafka;

	@BeforeAll
	static void shareKafka(Kafka shared) {
		kafka = shared;
	}

	@Test
	void aCallLongerThanTheMaxPollIntervalCausesNoRebalance() throws Exception {
		String prefix = "long-generation.";
		GatedBackend backend = new GatedBackend();
		try (ConfigurableApplicationContext worker = TestWorkers.start(kafka, prefix, "w-long", backend,
				"--spring.kafka.consumer.properties.max.poll.interval.ms=" + MAX_POLL_INTERVAL_MS,
				"--fleet.worker.gpu.nvml=false");
				KafkaProducer<String, RoutedRequest> producer = TestWorkers.producer(kafka);
				TopicReader<InferenceResult> results = new TopicReader<>(kafka, prefix + "results");
				Admin admin = TestWorkers.admin(kafka)) {
			TestWorkers.awaitAssigned(kafka, prefix, 1, 2);
			String member = onlyMember(admin, prefix);
			TestWorkers.send(producer, prefix, 0, TestWorkers.routed("long-1", "hold:long", prefix + "results"));
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> backend.running() == 1);

			// for three max poll intervals the group stays as it was: stable, same member
			Awaitility.await()
				.during(CALL)
				.atMost(CALL.plusSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> backend.running() == 1 && isStableWith(admin, prefix, member));

			backend.release("long");

			InferenceResult result = results.await((seen) -> seen.getRequestId().equals("long-1"),
					Duration.ofSeconds(30));
			assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(result.getTimings().getBackendMs()).isGreaterThanOrEqualTo(CALL.toMillis());
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> TestWorkers.committed(admin, prefix).get(0) != null
						&& TestWorkers.committed(admin, prefix).get(0) == 1L);
			assertThat(onlyMember(admin, prefix)).isEqualTo(member);
			assertThat(results.seen()).hasSize(1);
		}
	}

	private static boolean isStableWith(Admin admin, String prefix, String member) throws Exception {
		ConsumerGroupDescription group = describe(admin, prefix);
		return group.groupState() == GroupState.STABLE && group.members().size() == 1
				&& group.members().iterator().next().consumerId().equals(member);
	}

	private static String onlyMember(Admin admin, String prefix) throws Exception {
		List<MemberDescription> members = List.copyOf(describe(admin, prefix).members());
		assertThat(members).hasSize(1);
		return members.get(0).consumerId();
	}

	private static ConsumerGroupDescription describe(Admin admin, String prefix) throws Exception {
		String group = TestWorkers.group(prefix);
		Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(List.of(group)).all().get();
		return described.get(group);
	}

}
