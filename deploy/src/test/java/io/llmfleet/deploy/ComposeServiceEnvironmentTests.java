package io.llmfleet.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.worker.capacity.GpuSelection;
import io.llmfleet.worker.ollama.OllamaProperties;
import io.llmfleet.worker.runtime.WorkerProperties;
import io.llmfleet.worker.vllm.VllmProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The environment {@code docker-compose.yml} gives each fleet service, bound the way the
 * service binds it (Spring's relaxed binding, the mounted catalogue, fleet-core's
 * defaults) into the services' own configuration records: every variable lands on the
 * property it is meant for and every value passes the records' checks.
 */
class ComposeServiceEnvironmentTests {

	private static final Map<String, String> CONFIG_NAMES = Map.of("classifier", "classifier-service", "dispatcher",
			"dispatcher-service", "worker-ollama", "worker-ollama", "worker-vllm", "worker-vllm");

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void fleetServicesFindKafkaAndTheRegistryAmongTheComposeServices() {
		String advertised = this.compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
		for (String service : this.compose.fleetServices()) {
			ServiceEnvironment environment = environmentOf(service);
			String bootstrap = environment.property("spring.kafka.bootstrap-servers");
			assertThat(advertised).as("Kafka's advertised listeners, for %s", service).contains("://" + bootstrap);
			URI registry = URI.create(environment.bindMap("spring.kafka.properties").get("schema.registry.url"));
			assertThat(registry.getHost()).as("registry of %s", service).isEqualTo("schema-registry");
			assertThat(this.compose.environment("schema-registry").get("SCHEMA_REGISTRY_LISTENERS"))
				.endsWith(":" + registry.getPort());
		}
	}

	@Test
	void fleetServicesReadTheMountedCatalogue() {
		for (String service : this.compose.fleetServices()) {
			ServiceEnvironment environment = environmentOf(service);
			FleetTopics topics = environment.bind("fleet.topics", FleetTopics.class);
			// 48 is the deployed value (fleet-core's default is 6)
			assertThat(topics.modelPartitions()).as("model partitions of %s", service).isEqualTo(48);
			assertThat(environment.bind("fleet.catalog", FleetCatalog.class).modelIds()).as("catalogue of %s", service)
				.hasSize(6);
		}
	}

	@Test
	void classifierAndDispatcherContainersEachGetTheirOwnTransactionalIdPrefix() {
		for (String service : List.of("classifier", "dispatcher")) {
			Map<String, String> variables = new java.util.HashMap<>(this.compose.environment(service));
			variables.put("HOSTNAME", "3f2a9c1b7d4e");
			String prefix = ServiceEnvironment
				.of(CONFIG_NAMES.get(service), variables, this.compose.bindMounts(service))
				.property("spring.kafka.producer.transaction-id-prefix");
			assertThat(prefix).isEqualTo(service + "-tx-3f2a9c1b7d4e-");
		}
	}

	@Test
	void workerOllamaServesTheOllamaModelsTheComposeOllamaPulls() {
		ServiceEnvironment environment = environmentOf("worker-ollama");
		WorkerProperties worker = environment.bind("fleet.worker", WorkerProperties.class);
		OllamaProperties ollama = environment.bind("fleet.ollama", OllamaProperties.class);
		List<FleetCatalog.Model> served = served(environment, worker);
		assertThat(served).isNotEmpty().allSatisfy((model) -> assertThat(model.backend()).isEqualTo("ollama"));
		assertThat(ollama.baseUrl()).isEqualTo(URI.create("http://ollama:11434"));
		Map<String, String> server = this.compose.environment("ollama");
		assertThat(Integer.parseInt(server.get("OLLAMA_NUM_PARALLEL"))).isGreaterThanOrEqualTo(worker.maxInFlight());
		assertThat(served).allSatisfy((model) -> assertThat(model.contextLength())
			.isEqualTo(Integer.parseInt(server.get("OLLAMA_CONTEXT_LENGTH"))));
		List<String> pulled = List.of(this.compose.environment("ollama-pull").get("FLEET_OLLAMA_PULL").split("\\s+"));
		assertThat(pulled)
			.containsExactlyInAnyOrderElementsOf(served.stream().map(FleetCatalog.Model::backendModel).toList());
		assertPinnedToItsOneVisibleGpu("worker-ollama", worker);
	}

	@Test
	void workerVllmServesTheModelTheComposeVllmLoads() {
		ServiceEnvironment environment = environmentOf("worker-vllm");
		WorkerProperties worker = environment.bind("fleet.worker", WorkerProperties.class);
		VllmProperties vllm = environment.bind("fleet.vllm", VllmProperties.class);
		List<FleetCatalog.Model> served = served(environment, worker);
		List<String> command = this.compose.command("vllm");
		assertThat(served).singleElement().satisfies((model) -> {
			assertThat(model.backend()).isEqualTo("vllm");
			assertThat(command.get(0)).as("vLLM's model").isEqualTo(model.backendModel());
			assertThat(command.get(command.indexOf("--max-model-len") + 1))
				.isEqualTo(Integer.toString(model.contextLength()));
		});
		assertThat(vllm.baseUrl()).isEqualTo(URI.create("http://vllm:" + command.get(command.indexOf("--port") + 1)));
		assertPinnedToItsOneVisibleGpu("worker-vllm", worker);
	}

	@Test
	void deployedCatalogueServesTheDefaultCataloguesModels() {
		FleetCatalog defaults = ServiceEnvironment.of("worker-ollama", Map.of(), Map.of())
			.bind("fleet.catalog", FleetCatalog.class);
		FleetCatalog deployed = environmentOf("worker-ollama").bind("fleet.catalog", FleetCatalog.class);
		assertThat(deployed.tiers()).isEqualTo(defaults.tiers());
		assertThat(deployed.models())
			.extracting(FleetCatalog.Model::id, FleetCatalog.Model::backend, FleetCatalog.Model::backendModel,
					FleetCatalog.Model::tier)
			.containsExactlyElementsOf(defaults.models()
				.stream()
				.map((model) -> org.assertj.core.groups.Tuple.tuple(model.id(), model.backend(), model.backendModel(),
						model.tier()))
				.toList());
	}

	private void assertPinnedToItsOneVisibleGpu(String service, WorkerProperties worker) {
		String visible = this.compose.environment(service).get("CUDA_VISIBLE_DEVICES");
		assertThatNoException().as("GPU pin of %s", service)
			.isThrownBy(() -> GpuSelection.resolve(worker.gpu().index(), worker.gpu().uuid(), visible));
		assertThat(GpuSelection.resolve(worker.gpu().index(), worker.gpu().uuid(), visible).index()).isZero();
	}

	private List<FleetCatalog.Model> served(ServiceEnvironment environment, WorkerProperties worker) {
		FleetCatalog catalog = environment.bind("fleet.catalog", FleetCatalog.class);
		return worker.models()
			.stream()
			.map((id) -> catalog.model(id).orElseThrow(() -> new AssertionError("No catalogue model " + id)))
			.toList();
	}

	private ServiceEnvironment environmentOf(String service) {
		return ServiceEnvironment.of(CONFIG_NAMES.get(service), this.compose.environment(service),
				this.compose.bindMounts(service));
	}

}
