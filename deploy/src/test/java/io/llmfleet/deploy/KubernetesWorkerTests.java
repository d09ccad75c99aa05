package io.llmfleet.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.worker.ollama.OllamaProperties;
import io.llmfleet.worker.runtime.WorkerProperties;
import io.llmfleet.worker.vllm.VllmProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base's worker Deployments agree with the catalogue they mount: one per model, in
 * its backend's GPU pool, its backend sidecar serving that model at the catalogue's
 * context length, and its worker bound to that sidecar; the classifier and dispatcher
 * give each pod its own transactional id prefix.
 */
class KubernetesWorkerTests {

	private final Manifests base = Manifests.read(KubernetesManifestsTests.K8S.resolve("base"));

	@Test
	void everyCatalogueModelHasOneWorkerDeploymentInItsBackendsPool() {
		FleetCatalog catalog = catalog();
		List<Workload> workers = workers();
		assertThat(workers).extracting((worker) -> worker.labels().get("llm-fleet.io/model"))
			.containsExactlyInAnyOrderElementsOf(catalog.modelIds());
		for (Workload worker : workers) {
			FleetCatalog.Model model = catalog.model(worker.labels().get("llm-fleet.io/model")).orElseThrow();
			assertThat(worker.labels()).as("labels of %s", worker).containsEntry(PodChecks.GPU_POOL, model.backend());
			assertThat(Nodes.strings(worker.pod().get("nodeSelector"))).as("nodeSelector of %s", worker)
				.containsEntry(PodChecks.GPU_POOL, model.backend());
			assertThat(Nodes.text(worker.container("worker").orElseThrow(), "image")).as("image of %s", worker)
				.startsWith("llm-fleet/worker-" + model.backend() + ":" + RepositoryFiles.projectVersion());
		}
	}

	@Test
	void backendSidecarsServeTheirModelAtTheCataloguesContextLength() {
		FleetCatalog catalog = catalog();
		for (Workload worker : workers()) {
			FleetCatalog.Model model = catalog.model(worker.labels().get("llm-fleet.io/model")).orElseThrow();
			Map<String, Object> backend = worker.container(model.backend()).orElseThrow();
			assertThat(Workload.isSidecar(backend)).as("%s runs %s as a sidecar", worker, model.backend()).isTrue();
			if (model.backend().equals("ollama")) {
				Map<String, String> environment = Workload.environment(backend, Map.of());
				assertThat(environment).containsEntry("OLLAMA_CONTEXT_LENGTH", Integer.toString(model.contextLength()));
				assertThat(Nodes.list(worker.container("pull-model").orElseThrow().get("command")))
					.as("model %s pulls", worker)
					.endsWith(model.backendModel());
			}
			else {
				List<Object> args = Nodes.list(backend.get("args"));
				assertThat(args.get(0)).as("model %s serves", worker).isEqualTo(model.backendModel());
				assertThat(args.get(args.indexOf("--max-model-len") + 1))
					.isEqualTo(Integer.toString(model.contextLength()));
			}
		}
	}

	@Test
	void workersServeOneModelThroughTheirSidecar() {
		for (Workload worker : workers()) {
			Map<String, Object> container = worker.container("worker").orElseThrow();
			ServiceEnvironment environment = PodEnvironment.of(worker, container, this.base, worker.name() + "-0");
			WorkerProperties properties = environment.bind("fleet.worker", WorkerProperties.class);
			String model = worker.labels().get("llm-fleet.io/model");
			assertThat(properties.models()).as("models of %s", worker).containsExactly(model);
			assertThat(properties.gpu().nvml()).as("NVML of %s, whose GPU its sidecar holds", worker).isFalse();
			String backend = properties.backend();
			Map<String, Object> sidecar = worker.container(backend).orElseThrow();
			Object port = Nodes.maps(sidecar.get("ports")).get(0).get("containerPort");
			URI baseUrl = backend.equals("ollama") ? environment.bind("fleet.ollama", OllamaProperties.class).baseUrl()
					: environment.bind("fleet.vllm", VllmProperties.class).baseUrl();
			assertThat(baseUrl).as("backend of %s", worker).isEqualTo(URI.create("http://127.0.0.1:" + port));
			if (backend.equals("ollama")) {
				assertThat(Integer.parseInt(Workload.environment(sidecar, Map.of()).get("OLLAMA_NUM_PARALLEL")))
					.as("Ollama slots of %s", worker)
					.isGreaterThanOrEqualTo(properties.maxInFlight());
			}
		}
	}

	@Test
	void classifierAndDispatcherPodsEachGetTheirOwnTransactionalIdPrefix() {
		for (String name : List.of("classifier", "dispatcher")) {
			Workload workload = new Workload(this.base.find("Deployment", name).orElseThrow());
			assertThat(Integer.parseInt(Nodes.text(workload.document(), "spec", "replicas"))).isGreaterThan(1);
			Map<String, Object> container = workload.containers().get(0);
			String first = PodEnvironment.of(workload, container, this.base, name + "-7c9f-a")
				.property("spring.kafka.producer.transaction-id-prefix");
			String second = PodEnvironment.of(workload, container, this.base, name + "-7c9f-b")
				.property("spring.kafka.producer.transaction-id-prefix");
			assertThat(first).isEqualTo(name + "-tx-" + name + "-7c9f-a-");
			assertThat(second).isNotEqualTo(first);
		}
	}

	private List<Workload> workers() {
		return Workload.all(this.base)
			.stream()
			.filter((workload) -> workload.labels().containsKey(PodChecks.GPU_POOL))
			.toList();
	}

	private FleetCatalog catalog() {
		Workload classifier = new Workload(this.base.find("Deployment", "classifier").orElseThrow());
		return PodEnvironment.of(classifier, classifier.containers().get(0), this.base, "classifier-0")
			.bind("fleet.catalog", FleetCatalog.class);
	}

}
