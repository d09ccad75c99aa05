package io.llmfleet.deploy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ManifestChecks} finds the mistakes it is there for: each test breaks one thing
 * in the base manifests and expects exactly that to be reported.
 */
class ManifestChecksTests {

	private static final String WORKER = "worker-llama3-2-3b";

	private final Manifests base = Manifests.read(KubernetesManifestsTests.K8S.resolve("base"));

	@Test
	void theUnbrokenBaseHasNoProblems() {
		assertThat(ManifestChecks.check(this.base)).isEmpty();
	}

	@Test
	void reportsAScaledObjectWhoseDeploymentIsMissing() {
		Nodes.map(Nodes.at(scaledObject(), "spec", "scaleTargetRef")).put("name", "worker-gone");
		assertThat(ManifestChecks.check(this.base))
			.containsExactly("ScaledObject " + WORKER + " scales Deployment worker-gone, which is not defined");
	}

	@Test
	void reportsMoreReplicasThanThePartitionsCanKeepBusy() {
		Nodes.map(scaledObject().get("spec")).put("maxReplicaCount", 13);
		assertThat(ManifestChecks.check(this.base)).singleElement()
			.asString()
			.contains("13 replicas x 4 consumers each need 52 partitions, fleet.topics.model-partitions is 48");
	}

	@Test
	void reportsAScaledObjectThatCouldScaleToZero() {
		Nodes.map(scaledObject().get("spec")).put("minReplicaCount", 0);
		assertThat(ManifestChecks.check(this.base)).singleElement()
			.asString()
			.contains("minReplicaCount must be at least 1");
	}

	@Test
	void reportsAConsumerGroupTheWorkersDoNotUse() {
		Nodes.map(Nodes.maps(Nodes.at(scaledObject(), "spec", "triggers")).get(0).get("metadata"))
			.put("consumerGroup", "fleet.model.llama3.2-3b");
		assertThat(ManifestChecks.check(this.base)).containsExactly("ScaledObject " + WORKER
				+ " consumerGroup is fleet.model.llama3.2-3b, the workers use fleet.workers.llama3.2-3b");
	}

	@Test
	void reportsASelectorThatMissesItsOwnPods() {
		Nodes.map(Nodes.at(deployment(), "spec", "selector")).put("matchLabels", Map.of("app", "other"));
		assertThat(ManifestChecks.check(this.base)).anySatisfy((problem) -> assertThat(problem)
			.startsWith("Deployment " + WORKER + ": selector {app=other} does not match"));
	}

	@Test
	void reportsABudgetThatSelectsNoPods() {
		Nodes.map(Nodes.at(this.base.find("PodDisruptionBudget", WORKER).orElseThrow(), "spec", "selector"))
			.put("matchLabels", Map.of("app.kubernetes.io/instance", "worker-gone"));
		assertThat(ManifestChecks.check(this.base)).containsExactly(
				"PodDisruptionBudget " + WORKER + " must select the pods of exactly one workload, selects 0");
	}

	@Test
	void reportsAConfigMapThatIsNotDefined() {
		Map<String, Object> volume = Nodes.maps(Nodes.at(deployment(), "spec", "template", "spec", "volumes")).get(0);
		Nodes.map(volume.get("configMap")).put("name", "fleet-catalog");
		assertThat(ManifestChecks.check(this.base))
			.contains("Deployment " + WORKER + " uses ConfigMap fleet-catalog, which is not defined");
	}

	@Test
	void reportsAWorkerWithoutItsGpu() {
		Map<String, Object> ollama = new Workload(deployment()).container("ollama").orElseThrow();
		Nodes.map(Nodes.at(ollama, "resources", "limits")).remove(PodChecks.GPU);
		assertThat(ManifestChecks.check(this.base)).containsExactly("Deployment " + WORKER
				+ ": one container must hold the replica's one GPU (nvidia.com/gpu: 1), found []");
	}

	@Test
	void reportsAFleetContainerProbedOutsideActuator() {
		Map<String, Object> worker = new Workload(deployment()).container("worker").orElseThrow();
		Nodes.map(Nodes.at(worker, "readinessProbe", "httpGet")).put("path", "/health");
		assertThat(ManifestChecks.check(this.base)).containsExactly(
				"Deployment " + WORKER + ", container worker: readinessProbe must get /actuator/health/readiness");
	}

	private Map<String, Object> scaledObject() {
		return this.base.find("ScaledObject", WORKER).orElseThrow();
	}

	private Map<String, Object> deployment() {
		return this.base.find("Deployment", WORKER).orElseThrow();
	}

}
