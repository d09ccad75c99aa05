package io.llmfleet.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Kubernetes manifests under {@code deploy/k8s} pass {@link ManifestChecks}: read
 * from disk everywhere, and as {@code kubectl kustomize} renders each overlay where
 * kubectl is installed.
 */
class KubernetesManifestsTests {

	static final Path K8S = RepositoryFiles.path("deploy/k8s");

	@Test
	void kustomizationsNameOnlyFilesThatExist() throws IOException {
		try (Stream<Path> files = Files.walk(K8S)) {
			List<Path> kustomizations = files.filter((file) -> file.endsWith("kustomization.yaml")).toList();
			assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(10);
			for (Path kustomization : kustomizations) {
				assertThat(Manifests.read(kustomization.getParent()).problems()).as("%s", kustomization).isEmpty();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/local", "overlays/production" })
	void manifestsReadFromDiskPassEveryCheck(String kustomization) {
		assertThat(ManifestChecks.check(Manifests.read(K8S.resolve(kustomization)))).isEmpty();
	}

	@Test
	void everyBaseWorkloadHasADisruptionBudget() {
		Manifests base = Manifests.read(K8S.resolve("base"));
		for (Workload workload : Workload.all(base)) {
			assertThat(base.ofKind("PodDisruptionBudget")).as("budget of %s", workload)
				.anySatisfy((budget) -> assertThat(
						workload.podsMatch(Nodes.strings(Nodes.at(budget, "spec", "selector", "matchLabels"))))
					.isTrue());
		}
	}

	@Test
	void everyWorkerDeploymentIsScaledByAScaledObject() {
		Manifests base = Manifests.read(K8S.resolve("base"));
		List<String> workers = Workload.all(base)
			.stream()
			.filter((workload) -> workload.labels().containsKey(PodChecks.GPU_POOL))
			.map(Workload::name)
			.toList();
		assertThat(workers).hasSize(6);
		assertThat(base.ofKind("ScaledObject"))
			.extracting((scaledObject) -> Nodes.text(scaledObject, "spec", "scaleTargetRef", "name"))
			.containsExactlyInAnyOrderElementsOf(workers);
	}

	@ParameterizedTest
	@ValueSource(strings = { "base", "overlays/local", "overlays/production" })
	void kubectlRendersTheKustomizationAndTheResultPassesEveryCheck(String kustomization) {
		Manifests rendered = Manifests.of(kustomize(kustomization));
		assertThat(rendered.documents()).isNotEmpty();
		assertThat(ManifestChecks.check(rendered)).isEmpty();
	}

	@Test
	void productionOverlayPutsEveryResourceInItsNamespace() {
		Manifests rendered = Manifests.of(kustomize("overlays/production"));
		assertThat(rendered.documents()).filteredOn((document) -> !"Namespace".equals(document.get("kind")))
			.allSatisfy((document) -> assertThat(Nodes.text(document, "metadata", "namespace")).isEqualTo("llm-fleet"));
		assertThat(rendered.find("Namespace", "llm-fleet")).isPresent();
	}

	@Test
	void localOverlayConnectsTheFleetToItsOwnKafkaAndRegistry() {
		Manifests rendered = Manifests.of(kustomize("overlays/local"));
		Map<String, String> kafka = rendered.configMaps()
			.entrySet()
			.stream()
			.filter((configMap) -> configMap.getKey().startsWith("fleet-kafka"))
			.findFirst()
			.orElseThrow()
			.getValue();
		assertThat(kafka.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:" + servicePort(rendered, "kafka"));
		assertThat(kafka.get("SPRING_KAFKA_PROPERTIES_SCHEMA_REGISTRY_URL"))
			.isEqualTo("http://schema-registry:" + servicePort(rendered, "schema-registry"));
		assertThat(Workload.all(rendered)).filteredOn((workload) -> workload.labels().containsKey(PodChecks.GPU_POOL))
			.singleElement()
			.satisfies((worker) -> assertThat(worker.pod()).doesNotContainKey("nodeSelector"));
	}

	private static Object servicePort(Manifests manifests, String service) {
		return Nodes.maps(Nodes.at(manifests.find("Service", service).orElseThrow(), "spec", "ports"))
			.get(0)
			.get("port");
	}

	/**
	 * The kustomization as kubectl renders it; skips the test where kubectl is not
	 * installed.
	 */
	static String kustomize(String kustomization) {
		assumeTrue(kubectlInstalled(), "kubectl is not on the PATH: the rendered manifests are not checked");
		try {
			Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(kustomization).toString())
				.redirectErrorStream(false)
				.start();
			byte[] output = process.getInputStream().readAllBytes();
			String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("kubectl kustomize %s: %s", kustomization, errors).isZero();
			return new String(output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new AssertionError("kubectl kustomize " + kustomization + " did not run", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static boolean kubectlInstalled() {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(java.io.File.pathSeparator))
			.anyMatch((directory) -> Files.isExecutable(Path.of(directory, "kubectl")));
	}

}
