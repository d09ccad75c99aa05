package io.llmfleet.cli.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.llmfleet.cli.CliRun;
import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.batch.BatchIds;
import io.llmfleet.client.batch.BatchItem;
import io.llmfleet.client.batch.BatchOptions;
import io.llmfleet.client.batch.FleetBatch;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicScan;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.simulator.LatencyModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Batch jobs through the whole local fleet (real broker, services, simulated backends)
 * driven by the {@code fleet} command as a user types it: attached and detached
 * submission, collection, status, and a submitter killed halfway then resumed.
 */
class BatchJobsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final FleetCatalog CATALOG = FleetConfiguration.defaults().catalog();

	private static final int LINES = 1000;

	/** Prompts the shipped classifier puts in each tier, as in FleetEndToEndIT. */
	private static final List<String> PROMPTS = List.of("What is the capital of country %d?",
			"Write a Python function that returns %d squared.", "Prove step by step that %d plus one is greater.");

	@TempDir
	static Path dir;

	static LocalFleet fleet;

	static Path batch;

	@BeforeAll
	static void startFleet() throws Exception {
		fleet = LocalFleet.start(LocalFleetSettings.isolated(dir.resolve("fleet"))
			.withLatency(new LatencyModel(Duration.ofMillis(2), 5000))
			.withExtraArguments(List.of("--spring.main.register-shutdown-hook=false")), (line) -> {
			});
		batch = dir.resolve("batch.jsonl");
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < LINES; i++) {
			String model = (i % 25 == 24)
					? ", \"model\": \"" + CATALOG.modelIds().get(i % CATALOG.models().size()) + "\"" : "";
			lines.add(String.format(
					"{\"custom_id\": \"line-%04d\"%s, \"body\": {\"messages\": [{\"role\": \"user\", "
							+ "\"content\": \"%s\"}], \"max_tokens\": 16}}",
					i, model, String.format(PROMPTS.get(i % PROMPTS.size()), i)));
		}
		Files.write(batch, lines);
	}

	@AfterAll
	static void stopFleet() {
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	void aDetachedBatchCollectedLaterEqualsTheSameBatchRunAttached() throws Exception {
		Path attached = dir.resolve("attached.jsonl");
		CliRun attachedRun = CliRun.against(fleet, "submit", batch.toString(), "--out", attached.toString(),
				"--batch-id", "attached-1");
		assertThat(attachedRun.code()).as(attachedRun.err()).isZero();

		CliRun detachedRun = CliRun.against(fleet, "submit", batch.toString(), "--detach", "--batch-id", "detached-1");
		assertThat(detachedRun.code()).as(detachedRun.err()).isZero();
		assertThat(detachedRun.out()).isEqualTo("detached-1" + System.lineSeparator());

		Path collected = dir.resolve("collected.jsonl");
		CliRun results = CliRun.against(fleet, "results", "detached-1", "--out", collected.toString(), "--wait",
				"PT2M");
		assertThat(results.code()).as(results.out() + results.err()).isZero();
		Path again = dir.resolve("collected-again.jsonl");
		assertThat(CliRun.against(fleet, "results", "detached-1", "--out", again.toString()).code()).isZero();
		assertThat(Files.readAllBytes(again)).as("collecting is idempotent").isEqualTo(Files.readAllBytes(collected));

		List<JsonNode> expected = lines(attached);
		List<JsonNode> actual = lines(collected);
		assertThat(actual).hasSize(LINES);
		for (int i = 0; i < LINES; i++) {
			JsonNode want = expected.get(i);
			JsonNode got = actual.get(i);
			String customId = want.get("custom_id").asString();
			assertThat(got.get("custom_id").asString()).isEqualTo(customId);
			assertThat(got.get("request_id").asString()).isEqualTo(BatchIds.requestId("detached-1", customId));
			assertThat(got.get("status").asString()).as(customId)
				.isEqualTo(want.get("status").asString())
				.isEqualTo("OK");
			assertThat(got.get("tier").asString()).as(customId).isEqualTo(want.get("tier").asString());
			if (i % 25 == 24) {
				// Pinned: the model is decided; elsewhere the dispatcher picks by load.
				assertThat(got.get("model").asString()).isEqualTo(want.get("model").asString());
			}
		}

		CliRun status = CliRun.against(fleet, "status", "detached-1");
		assertThat(status.out()).containsPattern("OK\\s+1000")
			.contains("1000 on the requests topic")
			.contains("0 pending; complete");
	}

	@Test
	void aSubmitKilledHalfwayAndResumedGivesEveryResultOnceAndSubmitsEachRequestOnce() throws Exception {
		List<BatchFile.Line> lines = BatchFile.read(batch, "crash-1");
		FleetClientConfig config = FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl())
			.withTimeout(Duration.ofMinutes(2));
		// Killed after reading 500 lines, never closed: its open transaction is left for
		// the
		// resumed submitter to abort.
		FleetBatch killed = FleetBatch.open(config, BatchOptions.of("crash-1").withMaxInFlight(100));
		assertThatRuntimeException()
			.isThrownBy(() -> killed.run(killedAfter(lines.stream().map(BatchFile.Line::item).toList(), 500), (r) -> {
			}))
			.withMessage("killed");

		Path out = dir.resolve("resumed.jsonl");
		CliRun resumed = CliRun.against(fleet, "submit", batch.toString(), "--out", out.toString(), "--batch-id",
				"crash-1");
		killed.close();

		assertThat(resumed.code()).as(resumed.err()).isZero();
		assertThat(resumed.err()).contains("Resuming batch crash-1");
		List<JsonNode> results = lines(out);
		assertThat(results).extracting((line) -> line.get("custom_id").asString())
			.containsExactlyElementsOf(lines.stream().map(BatchFile.Line::customId).toList());
		assertThat(results).allSatisfy((line) -> assertThat(line.get("status").asString()).isEqualTo("OK"));
		Map<String, Long> submissions = requestsOf(config, "crash-1");
		assertThat(submissions).hasSize(LINES)
			.allSatisfy((id, times) -> assertThat(times).as("request %s on the requests topic", id).isOne());
	}

	private static Map<String, Long> requestsOf(FleetClientConfig config, String batchId) {
		List<String> ids = new ArrayList<>();
		try (var consumer = KafkaClients.consumer(config, InferenceRequest.class)) {
			TopicScan.read(consumer, TopicScan.beginning(consumer, config.requestsTopic()), (record) -> {
				if (batchId.equals(record.value().getBatchId())) {
					ids.add(record.value().getRequestId());
				}
			});
		}
		return ids.stream().collect(Collectors.groupingBy((id) -> id, HashMap::new, Collectors.counting()));
	}

	private static List<JsonNode> lines(Path file) throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			lines.add(JSON.readTree(line));
		}
		return lines;
	}

	private static Iterable<BatchItem> killedAfter(List<BatchItem> items, int count) {
		return () -> new Iterator<>() {

			private final Iterator<BatchItem> delegate = items.iterator();

			private int read;

			@Override
			public boolean hasNext() {
				return this.delegate.hasNext();
			}

			@Override
			public BatchItem next() {
				if (++this.read > count) {
					throw new RuntimeException("killed");
				}
				return this.delegate.next();
			}

		};
	}

}
