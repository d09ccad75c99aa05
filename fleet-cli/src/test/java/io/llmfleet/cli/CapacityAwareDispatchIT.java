package io.llmfleet.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.worker.capacity.FakeNvml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capacity-aware dispatch on the whole fleet: a real broker, the classifier, the
 * dispatcher, an Ollama worker on (fake NVML) GPU 0 and a vLLM worker on GPU 1 talking
 * real HTTP to the simulator, whose faults the tests turn on and off. Every scenario
 * checks that N requests in give exactly N results out. The scenarios share one fleet and
 * run in order, each leaving it as the next expects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CapacityAwareDispatchIT {

	private static final FleetCatalog CATALOG = FleetConfiguration.defaults().catalog();

	private static final long GIB = 1024L * 1024 * 1024;

	private static final List<String> OLLAMA_MODELS = backendModels("ollama");

	private static final List<String> VLLM_MODELS = backendModels("vllm");

	private static final String OLLAMA_HEAVY = backendName("ollama", "heavy");

	private static final String VLLM_HEAVY = backendName("vllm", "heavy");

	@TempDir
	static Path dataDir;

	static LocalFleet fleet;

	static FleetClient client;

	static ConfigurableApplicationContext vllmWorker;

	static FakeNvml gpus;

	@BeforeAll
	static void startFleet() {
		gpus = FakeNvml.install();
		gpus.setDevice(0, "NVIDIA H100 80GB HBM3", 80 * GIB, 2 * GIB, 0);
		gpus.setDevice(1, "NVIDIA H100 80GB HBM3", 80 * GIB, 2 * GIB, 0);
		fleet = LocalFleet.start(LocalFleetSettings.isolated(dataDir)
			.withoutWorkers()
			.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
			.withExtraArguments(List.of("--spring.main.register-shutdown-hook=false",
					// Untried models look fast, so a model with headroom is chosen at
					// once;
					// no cold-load penalty, so loaded and unloaded models compete evenly.
					"--fleet.dispatcher.expected-latency=1ms", "--fleet.dispatcher.cold-load=0s",
					"--fleet.dispatcher.breaker.window=4", "--fleet.dispatcher.breaker.minimum-calls=4",
					"--fleet.dispatcher.breaker.open-for=8s", "--fleet.worker.heartbeat=500ms",
					"--fleet.worker.status-poll=250ms", "--fleet.worker.max-in-flight=2",
					"--fleet.worker.request-timeout=5s", "--fleet.worker.transient-retries=0")),
				(line) -> {
				});
		fleet.startWorker("ollama", OLLAMA_MODELS,
				List.of("--fleet.worker.id=ollama-gpu0", "--fleet.worker.gpu.index=0"));
		vllmWorker = startVllmWorker();
		client = FleetClient.connect(
				FleetClientConfig.of(fleet.bootstrapServers(), fleet.registryUrl()).withTimeout(Duration.ofMinutes(2)));
	}

	@AfterAll
	static void stopFleet() {
		if (client != null) {
			client.close();
		}
		if (fleet != null) {
			fleet.close();
		}
	}

	@Test
	@Order(1)
	void aModelWithoutVramHeadroomIsSkippedUntilItHasSome() throws Exception {
		gpus.setDevice(0, "NVIDIA H100 80GB HBM3", 80 * GIB, 78 * GIB, 95);
		awaitHeartbeats();

		List<InferenceResult> cramped = run(8, (i) -> heavy("Explain proof " + i));

		assertThat(cramped).allSatisfy((result) -> {
			assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
			assertThat(result.getModelId()).as("gpt-oss-20b does not fit 2 GiB free").isEqualTo(model(VLLM_HEAVY));
		});

		gpus.setDevice(0, "NVIDIA H100 80GB HBM3", 80 * GIB, 2 * GIB, 5);
		awaitHeartbeats();

		List<InferenceResult> roomy = run(8, (i) -> heavy("Explain theorem " + i));

		assertThat(roomy).allSatisfy((result) -> assertThat(result.getStatus()).isEqualTo(ResultStatus.OK));
		assertThat(roomy).extracting(InferenceResult::getModelId).contains(model(OLLAMA_HEAVY));
	}

	@Test
	@Order(2)
	void aStoppedWorkerIsAvoidedWithinThreeHeartbeats() throws Exception {
		vllmWorker.close();
		try {
			awaitHeartbeats();

			List<InferenceResult> results = run(12, (i) -> (i % 2 == 0) ? heavy("Derive formula " + i)
					: FleetClient.request("What is the capital of country " + i + "?").build());

			assertThat(results).allSatisfy((result) -> {
				assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
				assertThat(result.getModelId()).isIn(OLLAMA_MODELS);
			});
		}
		finally {
			vllmWorker = startVllmWorker();
			awaitHeartbeats();
		}
	}

	@Test
	@Order(3)
	void aBackendFailingEveryCallOpensItsBreakerAndHeavyRequestsEndOkOnALighterTier() throws Exception {
		fleet.simulator().ollamaFaults().set(Fault.overloaded().forModel(OLLAMA_HEAVY));
		fleet.simulator().vllmFaults().set(Fault.overloaded().forModel(VLLM_HEAVY));
		try {
			List<InferenceResult> firstWave = run(6, (i) -> heavy("Analyse trade-off " + i));

			assertThat(firstWave).allSatisfy((result) -> {
				assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
				assertThat(result.getTier()).isNotEqualTo("heavy");
				assertThat(result.getHistory()).isNotEmpty()
					.allSatisfy((Attempt attempt) -> assertThat(attempt.getErrorKind()).isEqualTo(ErrorKind.CAPACITY));
			});

			List<InferenceResult> secondWave = run(6, (i) -> heavy("Analyse design " + i));

			assertThat(secondWave).allSatisfy((result) -> {
				assertThat(result.getStatus()).isEqualTo(ResultStatus.OK);
				assertThat(result.getTier()).isNotEqualTo("heavy");
				assertThat(result.getHistory()).as("open breakers keep the heavy models out").isEmpty();
			});
		}
		finally {
			fleet.simulator().ollamaFaults().clear();
			fleet.simulator().vllmFaults().clear();
		}

		// After the cool-down a probe reaches a heavy model again, even one with a single
		// worker, and its success closes the breaker.
		Thread.sleep(8500);
		List<InferenceResult> afterCoolDown = run(6, (i) -> heavy("Compare architectures " + i));
		assertThat(afterCoolDown).allSatisfy((result) -> assertThat(result.getStatus()).isEqualTo(ResultStatus.OK));
		assertThat(afterCoolDown).extracting(InferenceResult::getTier).contains("heavy");
	}

	@Test
	@Order(4)
	void aRequestThatForbidsFallbackFailsWithEveryAttemptsCause() throws Exception {
		fleet.simulator().ollamaFaults().set(Fault.overloaded().forModel(OLLAMA_HEAVY));
		fleet.simulator().vllmFaults().set(Fault.overloaded().forModel(VLLM_HEAVY));
		try {
			List<InferenceResult> results = run(3,
					(i) -> InferenceRequest.newBuilder(heavy("Plan migration " + i)).setAllowFallback(false).build());

			assertThat(results).allSatisfy((result) -> {
				assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
				assertThat(result.getError().getMessage()).contains("CAPACITY");
				assertThat(result.getHistory()).isNotEmpty()
					.allSatisfy((Attempt attempt) -> assertThat(attempt.getTier()).isEqualTo("heavy"));
			});
		}
		finally {
			fleet.simulator().ollamaFaults().clear();
			fleet.simulator().vllmFaults().clear();
		}
	}

	@Test
	@Order(5)
	void aRequestWhoseDeadlinePassesInTheQueueExpiresWithoutReachingABackend() throws Exception {
		String fastOllama = backendName("ollama", "fast");
		String fastModel = model(fastOllama);
		fleet.simulator().ollamaFaults().set(Fault.hang().forModel(fastOllama));
		try {
			// Hung calls fill the model's two slots until the worker's 5 s timeout, keyed
			// onto partitions of different consumers of the model's group where it has
			// several, so that no slot is left free behind a busy consumer.
			List<Set<Integer>> consumers = assignment(FleetConfiguration.defaults().topics().workerGroup(fastModel));
			List<CompletableFuture<InferenceResult>> hungResults = new ArrayList<>();
			for (int slot = 0; slot < 2; slot++) {
				String key = keyOnto(consumers.get(slot % consumers.size()));
				hungResults.add(client.submit(pinned(fastModel, "Hello").setRequestId(key).build()));
			}
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> fleet.simulator().ollamaFaults().hanging() == hungResults.size());
			// These wait on the model's topic behind them, past their deadline.
			List<InferenceRequest> queued = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				queued.add(pinned(fastModel, "Hi " + i).setDeadlineAt(Instant.now().plusSeconds(2)).build());
			}

			List<InferenceResult> expired = await(client.submitAll(queued));

			assertThat(await(hungResults)).allSatisfy((result) -> {
				assertThat(result.getStatus()).isEqualTo(ResultStatus.FAILED);
				assertThat(result.getError().getKind()).isEqualTo(ErrorKind.TIMEOUT);
			});
			assertThat(expired).extracting(InferenceResult::getRequestId)
				.containsExactlyElementsOf(queued.stream().map(InferenceRequest::getRequestId).toList());
			assertThat(expired).allSatisfy((result) -> {
				assertThat(result.getStatus()).isEqualTo(ResultStatus.EXPIRED);
				assertThat(result.getError().getMessage()).contains("before worker").contains("reached a backend");
			});
		}
		finally {
			fleet.simulator().ollamaFaults().clear();
		}
	}

	/** The partitions each member of a consumer group holds. */
	private static List<Set<Integer>> assignment(String group) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fleet.bootstrapServers()))) {
			return admin.describeConsumerGroups(List.of(group))
				.all()
				.get(30, TimeUnit.SECONDS)
				.get(group)
				.members()
				.stream()
				.map((member) -> member.assignment()
					.topicPartitions()
					.stream()
					.map(TopicPartition::partition)
					.collect(Collectors.toSet()))
				.toList();
		}
	}

	/**
	 * A request id the producer's default partitioner puts on one of {@code partitions}.
	 */
	private static String keyOnto(Set<Integer> partitions) {
		int count = FleetConfiguration.defaults().topics().modelPartitions();
		for (int i = 0;; i++) {
			String key = "hung-" + i + "-" + System.nanoTime();
			int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
			if (partitions.contains(partition)) {
				return key;
			}
		}
	}

	private static ConfigurableApplicationContext startVllmWorker() {
		return fleet.startWorker("vllm", VLLM_MODELS,
				List.of("--fleet.worker.id=vllm-gpu1", "--fleet.worker.gpu.index=1"));
	}

	/** Submits {@code count} requests and returns their results: exactly one each. */
	private static List<InferenceResult> run(int count, Function<Integer, InferenceRequest> request) throws Exception {
		List<InferenceRequest> requests = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			requests.add(request.apply(i));
		}
		List<InferenceResult> results = await(client.submitAll(requests));
		assertThat(results).extracting(InferenceResult::getRequestId)
			.containsExactlyElementsOf(requests.stream().map(InferenceRequest::getRequestId).toList());
		return results;
	}

	private static List<InferenceResult> await(List<CompletableFuture<InferenceResult>> futures) throws Exception {
		CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
		return futures.stream().map(CompletableFuture::join).toList();
	}

	private static InferenceRequest heavy(String prompt) {
		return FleetClient.request(prompt).setTierHint("heavy").build();
	}

	private static InferenceRequest.Builder pinned(String modelId, String prompt) {
		return FleetClient.request(prompt).setModel(modelId).setAllowFallback(false);
	}

	/** Three heartbeats and some: every worker has reported what changed. */
	private static void awaitHeartbeats() throws InterruptedException {
		Thread.sleep(2000);
	}

	private static List<String> backendModels(String backend) {
		return CATALOG.models()
			.stream()
			.filter((m) -> m.backend().equals(backend))
			.map(FleetCatalog.Model::id)
			.toList();
	}

	private static String backendName(String backend, String tier) {
		return CATALOG.modelsOf(tier)
			.stream()
			.filter((m) -> m.backend().equals(backend))
			.findFirst()
			.orElseThrow()
			.backendModel();
	}

	private static String model(String backendModel) {
		return CATALOG.models()
			.stream()
			.filter((m) -> m.backendModel().equals(backendModel))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
