package io.llmfleet.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.fault.Fault;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees: every service's actuator health and Prometheus metrics, and one
 * trace per request carried in {@code traceparent} headers through every Kafka hop. The
 * whole fleet with its actuators on, real HTTP scrapes.
 */
class ObservabilityIT {

	private static final FleetTopics TOPICS = FleetConfiguration.defaults().topics();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path dataDir;

	static LocalFleet fleet;

	static FleetClient client;

	static List<InferenceResult> results;

	@BeforeAll
	static void runTraffic() throws Exception {
		fleet = LocalFleet.start(LocalFleetSettings.isolated(dataDir)
			.withActuator()
			.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
			.withExtraArguments(List.of("--spring.main.register-shutdown-hook=false", "--fleet.worker.heartbeat=500ms",
					"--fleet.worker.status-poll=500ms")),
				(line) -> {
				});
		client = FleetClient.connect(
				FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl()).withTimeout(Duration.ofMinutes(2)));
		// One failed attempt on every heavy model: a fallback to count.
		fleet.simulator().ollamaFaults().set(Fault.overloaded().forModel("gpt-oss:20b").once());
		fleet.simulator().vllmFaults().set(Fault.overloaded().forModel("Qwen/Qwen2.5-32B-Instruct-AWQ").once());
		List<CompletableFuture<InferenceResult>> futures = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			InferenceRequest.Builder request = FleetClient.request("Question " + i + ": what is " + i + " squared?");
			if (i % 3 == 0) {
				request.setTierHint("heavy");
			}
			futures.add(client.submit(request.build()));
		}
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		results = futures.stream().map(CompletableFuture::join).toList();
	}

	@AfterAll
	static void stop() {
		if (client != null) {
			client.close();
		}
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	void everyServiceIsHealthyWithKafkaAndTheRegistryChecked() throws Exception {
		assertThat(fleet.actuators()).hasSize(4);
		for (Map.Entry<String, URI> service : fleet.actuators().entrySet()) {
			String health = get(service.getValue() + "/health");
			assertThat(health).as(service.getKey())
				.contains("\"status\":\"UP\"")
				.contains("\"kafka\"")
				.contains("\"schemaRegistry\"");
		}
		assertThat(get(actuatorOf("dispatcher-service") + "/health")).contains("\"capacity\"").contains("\"live\":2");
	}

	@Test
	void theMetricsOfEveryStageAreScrapedFromTheServices() throws Exception {
		assertThat(results).allSatisfy((result) -> assertThat(result.getStatus()).isEqualTo(ResultStatus.OK));
		String workers = get(actuatorOf("worker-ollama") + "/prometheus")
				+ get(actuatorOf("worker-vllm") + "/prometheus");
		assertThat(workers).contains("fleet_requests_total{")
			.contains("fleet_latency_seconds_bucket{")
			.contains("stage=\"queue\"")
			.contains("stage=\"backend\"")
			.contains("stage=\"end_to_end\"")
			.contains("fleet_time_to_first_token_seconds_bucket{")
			.contains("fleet_tokens_per_second{")
			.contains("kafka_consumer_fetch_manager_records_lag_max");
		String dispatcher = get(actuatorOf("dispatcher-service") + "/prometheus");
		assertThat(dispatcher).contains("fleet_breaker_state{model=\"gpt-oss-20b\"}")
			.contains("fleet_in_flight{model=\"llama3.2-3b\"}")
			.contains("fleet_gpu_vram_free_bytes{")
			.contains("fleet_fallbacks_total{cause=\"CAPACITY\"}");
	}

	@Test
	void oneRequestsPathThroughEveryHopIsOneTrace() {
		String requestId = results.get(1).getRequestId();
		Map<String, String> traceByTopic = new HashMap<>();
		for (String topic : List.of(TOPICS.classified(), TOPICS.model(results.get(1).getModelId()), TOPICS.results())) {
			traceparent(topic, requestId).ifPresent((traceparent) -> traceByTopic.put(topic, traceparent));
		}

		assertThat(traceByTopic).containsKeys(TOPICS.classified(), TOPICS.model(results.get(1).getModelId()),
				TOPICS.results());
		assertThat(traceByTopic.values().stream().map(ObservabilityIT::traceId).distinct())
			.as("traceparent by topic: %s", traceByTopic)
			.singleElement()
			.satisfies((traceId) -> assertThat(traceId).hasSize(32).isNotEqualTo("0".repeat(32)));
	}

	private static java.util.Optional<String> traceparent(String topic, String key) {
		Map<String, Object> properties = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "trace-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(Set.of(topic));
			long until = System.currentTimeMillis() + 20_000;
			while (System.currentTimeMillis() < until) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					Header header = record.headers().lastHeader("traceparent");
					if (key.equals(record.key()) && header != null) {
						return java.util.Optional.of(new String(header.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * The trace id of a W3C {@code traceparent}: {@code 00-<trace id>-<span id>-<flags>}.
	 */
	private static String traceId(String traceparent) {
		return traceparent.split("-")[1];
	}

	private static URI actuatorOf(String service) {
		return fleet.actuators()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(service))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No actuator for " + service + " in " + fleet.actuators()));
	}

	private static String get(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

}
