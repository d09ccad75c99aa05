package io.llmfleet.cli.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.cli.CliRun;
import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.cli.traffic.TrafficFile;
import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.client.kafka.TopicScan;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.simulator.LatencyModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recorded traffic on the whole local fleet, through the {@code fleet} command: 250
 * requests (prompts of the labelled training file, ten of them pinned) run as a batch,
 * exported, evaluated offline under the production policy and a stricter threshold,
 * replayed live, and watched with {@code fleet top}. The steps share the recorded traffic
 * and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

	private static final FleetCatalog CATALOG = FleetConfiguration.defaults().catalog();

	private static final int PINNED = 10;

	@TempDir
	static Path dir;

	static LocalFleet fleet;

	static List<LabelledPrompt> prompts;

	static Instant recordedFrom;

	static Instant recordedTo;

	static Path traffic;

	@BeforeAll
	static void recordTraffic() throws Exception {
		fleet = LocalFleet.start(LocalFleetSettings.isolated(dir.resolve("fleet"))
			.withLatency(new LatencyModel(Duration.ofMillis(2), 5000))
			.withExtraArguments(List.of("--spring.main.register-shutdown-hook=false")), (line) -> {
			});
		prompts = ReplayFixtures.prompts(240);
		List<String> lines = new ArrayList<>();
		for (LabelledPrompt prompt : prompts) {
			lines.add("{\"custom_id\": " + json(prompt.id()) + ", \"prompt\": " + json(prompt.prompt())
					+ ", \"body\": {\"max_tokens\": 16}}");
		}
		for (int i = 0; i < PINNED; i++) {
			lines.add("{\"custom_id\": \"pinned-" + i + "\", \"model\": \"" + CATALOG.modelIds().get(i % 6)
					+ "\", \"prompt\": \"Say hello " + i + "\", \"body\": {\"max_tokens\": 16}}");
		}
		Path batch = dir.resolve("recorded.jsonl");
		Files.write(batch, lines);
		recordedFrom = Instant.now();
		CliRun run = CliRun.against(fleet, "submit", batch.toString(), "--out",
				dir.resolve("recorded-results.jsonl").toString());
		assertThat(run.code()).as(run.err()).isZero();
		recordedTo = Instant.now();
		traffic = dir.resolve("traffic.jsonl");
	}

	@AfterAll
	static void stopFleet() {
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	@Order(1)
	void exportJoinsEveryRequestWithItsDecisionAndFinalOutcome() throws Exception {
		CliRun export = CliRun.against(fleet, "export", "--from", recordedFrom.toString(), "--to",
				recordedTo.toString(), "--out", traffic.toString());

		assertThat(export.code()).as(export.err()).isZero();
		List<TrafficRecord> records = TrafficFile.read(traffic);
		assertThat(records).hasSize(prompts.size() + PINNED);
		assertThat(records).allSatisfy((record) -> {
			assertThat(record.customId()).isNotNull();
			assertThat(record.decision()).as(record.customId()).isNotNull();
			assertThat(record.served()).as(record.customId()).isNotNull();
			assertThat(record.served().status()).isEqualTo("OK");
			assertThat(CATALOG.model(record.served().model())).get()
				.extracting(FleetCatalog.Model::tier)
				.isEqualTo(record.served().tier());
			assertThat(record.served().attempts()).isPositive();
			assertThat(record.served().latencyMs()).isPositive();
			assertThat(record.served().completionTokens()).isPositive();
		});
		assertThat(records).filteredOn((record) -> record.customId().startsWith("pinned-"))
			.hasSize(PINNED)
			.allSatisfy((record) -> {
				assertThat(record.decision().pinned()).isTrue();
				assertThat(record.served().model()).isEqualTo(record.request().getModel());
			});
	}

	@Test
	@Order(2)
	void evaluatingUnderTheProductionPolicyAgreesWithEveryProductionDecision() throws Exception {
		CliRun fromFile = CliRun.of("replay", "evaluate", "--traffic", traffic.toString(), "--labels",
				ReplayFixtures.TRAINING.toString(), "--out", dir.resolve("production").toString());
		CliRun fromTopics = CliRun.against(fleet, "replay", "evaluate", "--from", recordedFrom.toString(), "--to",
				recordedTo.toString(), "--out", dir.resolve("production-topics").toString());

		for (CliRun run : List.of(fromFile, fromTopics)) {
			assertThat(run.code()).as(run.err()).isZero();
			assertThat(run.out()).containsPattern("agreement with production decisions\\s+100%\\s+100.0%");
		}
		String markdown = Files.readString(dir.resolve("production.md"));
		assertThat(markdown).contains("| agreement with production decisions | 100% | 100.0% | 250 of 250 |")
			.contains("accuracy against labels (240 labelled)")
			.contains("## Requests that changed tier (0)");
		assertThat(Files.readString(dir.resolve("production.html"))).startsWith("<!DOCTYPE html>").contains("<svg");
	}

	@Test
	@Order(3)
	void aHigherConfidenceThresholdMovesRequestsToHeavierTiersOnly() throws Exception {
		Path policy = dir.resolve("candidate.yml");
		Files.writeString(policy, "fleet:\n  classifier:\n    confidence-threshold: 0.9\n");

		CliRun run = CliRun.of("replay", "evaluate", "--traffic", traffic.toString(), "--policy", policy.toString(),
				"--out", dir.resolve("candidate").toString());

		assertThat(run.code()).as(run.err()).isZero();
		ReplayReport report = ReplayEvaluation.evaluate(TrafficFile.read(traffic), ReplayPolicy.load(policy),
				Labels.none(), false);
		List<String> tiers = report.tiers();
		assertThat(report.changes()).isNotEmpty()
			.allSatisfy((change) -> assertThat(tiers.indexOf(change.to())).isGreaterThan(tiers.indexOf(change.from())));
		String heaviest = tiers.get(tiers.size() - 1);
		assertThat(report.mixAfter().get(heaviest)).isGreaterThan(report.mixBefore().get(heaviest));
		assertThat(report.mixAfter().get(tiers.get(0))).isLessThan(report.mixBefore().get(tiers.get(0)));
		assertThat(Files.readString(dir.resolve("candidate.md")))
			.contains("## Requests that changed tier (" + report.changes().size() + ")");
	}

	@Test
	@Order(4)
	void replayingTrafficLivePublishesEveryRequestAgainAndLosesNone() throws Exception {
		CliRun run = CliRun.against(fleet, "replay", "traffic", traffic.toString(), "--rate", "100");

		assertThat(run.code()).as(run.out() + run.err()).isZero();
		assertThat(run.out()).contains("results    250, lost 0").containsPattern("OK\\s+250").contains("p99");
		Set<String> replayed = new HashSet<>();
		FleetClientConfig config = FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl());
		try (var consumer = KafkaClients.consumer(config, InferenceRequest.class)) {
			TopicScan.read(consumer, TopicScan.beginning(consumer, config.requestsTopic()), (record) -> {
				String of = record.value().getMetadata().get(LiveReplay.REPLAY_OF);
				if (of != null) {
					assertThat(replayed.add(of)).as("%s replayed once", of).isTrue();
				}
			});
		}
		assertThat(replayed).containsExactlyInAnyOrderElementsOf(
				TrafficFile.read(traffic).stream().map(TrafficRecord::requestId).toList());
	}

	@Test
	@Order(5)
	void topShowsTheWorkersEveryModelsEmptyQueueAndTheLastMinute() {
		// Every request is answered: once the workers have committed, no queue holds any.
		CliRun top = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> CliRun.against(fleet, "top", "--once"), (run) -> CATALOG.models()
				.stream()
				.allMatch((model) -> Pattern.compile(Pattern.quote(model.id()) + "\\s+" + model.tier() + "\\s+0\\s")
					.matcher(run.out())
					.find()));

		assertThat(top.code()).as(top.err()).isZero();
		assertThat(top.out()).contains("WORKERS  2 alive, 0 draining, 0 dead").contains("LAST 60 s");
		for (String tier : CATALOG.tierNames()) {
			assertThat(top.out()).containsPattern("(?m)^" + tier + "\\s+\\d+\\s+\\d+\\.\\d%");
		}
	}

	private static String json(String text) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
	}

}
