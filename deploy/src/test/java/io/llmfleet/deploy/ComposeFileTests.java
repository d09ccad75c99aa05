package io.llmfleet.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Compose schema cannot see in {@code docker-compose.yml}: references between
 * its services, the images the build script makes, GPU reservations and pinning,
 * health-gated start order, loopback-only host ports and the files it mounts.
 */
class ComposeFileTests {

	private static final Set<String> GPU_SERVICES = Set.of("ollama", "vllm", "worker-ollama", "worker-vllm");

	/** Each worker and the backend whose GPU it reports on. */
	private static final Map<String, String> BACKEND_OF_WORKER = Map.of("worker-ollama", "ollama", "worker-vllm",
			"vllm");

	private final ComposeFile compose = ComposeFile.load();

	@Test
	void everyDependencyIsAServiceOfTheFile() {
		for (String service : this.compose.serviceNames()) {
			assertThat(this.compose.dependsOn(service).keySet()).as("depends_on of %s", service)
				.isSubsetOf(this.compose.serviceNames())
				.doesNotContain(service);
		}
	}

	@Test
	void servicesStartOnlyOnceTheirDependenciesAreHealthyOrDone() {
		for (String service : this.compose.serviceNames()) {
			this.compose.dependsOn(service).forEach((dependency, condition) -> {
				assertThat(condition).as("%s waiting for %s", service, dependency)
					.isIn("service_healthy", "service_completed_successfully");
				if (condition.equals("service_healthy")) {
					assertThat(this.compose.service(dependency)).as("healthcheck of %s", dependency)
						.containsKey("healthcheck");
				}
				else {
					assertThat(Nodes.text(this.compose.service(dependency), "restart"))
						.as("restart of one-shot %s", dependency)
						.isEqualTo("no");
				}
			});
		}
	}

	@Test
	void everyLongRunningServiceHasAHealthcheck() {
		for (String service : this.compose.serviceNames()) {
			if (!"no".equals(Nodes.text(this.compose.service(service), "restart"))) {
				assertThat(Nodes.list(Nodes.at(this.compose.service(service), "healthcheck", "test")))
					.as("healthcheck of %s", service)
					.isNotEmpty();
			}
		}
	}

	@Test
	void fleetServicesRunExactlyTheImagesTheBuildScriptBuildsAtTheProjectVersion() {
		String version = RepositoryFiles.projectVersion();
		List<String> images = this.compose.fleetServices().stream().map(this.compose::image).toList();
		assertThat(images).allSatisfy((image) -> assertThat(image).endsWith(":" + version));
		assertThat(images.stream().map((image) -> image.substring("llm-fleet/".length(), image.lastIndexOf(':'))))
			.containsExactlyInAnyOrderElementsOf(RepositoryFiles.imageServices());
	}

	@Test
	void fleetServicesAreHealthCheckedOnTheActuatorOfTheirManagementPort() {
		for (String service : this.compose.fleetServices()) {
			assertThat(Nodes.list(Nodes.at(this.compose.service(service), "healthcheck", "test")))
				.as("healthcheck of %s", service)
				.contains("http://127.0.0.1:8080/actuator/health");
		}
	}

	@Test
	void hostPortsListenOnLoopbackOnly() {
		for (String service : this.compose.serviceNames()) {
			assertThat(this.compose.ports(service)).as("ports of %s", service)
				.allSatisfy((port) -> assertThat(port).startsWith("127.0.0.1:"));
		}
	}

	@Test
	void backendsAndWorkersReserveAnNvidiaGpuEach() {
		for (String service : this.compose.serviceNames()) {
			List<Map<String, Object>> devices = this.compose.reservedDevices(service);
			if (!GPU_SERVICES.contains(service)) {
				assertThat(devices).as("GPU reservations of %s", service).isEmpty();
				continue;
			}
			assertThat(devices).as("GPU reservations of %s", service).singleElement().satisfies((device) -> {
				assertThat(device.get("driver")).isEqualTo("nvidia");
				assertThat(Nodes.list(device.get("capabilities"))).contains("gpu");
				assertThat(this.compose.deviceIds(device)).singleElement().asString().matches("\\d+|GPU-.+");
			});
		}
	}

	@Test
	void eachWorkerIsPinnedToItsBackendsGpu() {
		BACKEND_OF_WORKER.forEach((worker, backend) -> {
			String gpu = this.compose.deviceIds(this.compose.reservedDevices(worker).get(0)).get(0);
			assertThat(this.compose.deviceIds(this.compose.reservedDevices(backend).get(0)))
				.as("GPU of %s and of %s", worker, backend)
				.containsExactly(gpu);
			Map<String, String> environment = this.compose.environment(worker);
			assertThat(environment).as("environment of %s", worker)
				.containsEntry("NVIDIA_VISIBLE_DEVICES", gpu)
				// the container sees its one reserved GPU as device 0
				.containsEntry("FLEET_WORKER_GPU_INDEX", "0")
				.containsEntry("CUDA_VISIBLE_DEVICES", "0");
		});
		assertThat(this.compose.deviceIds(this.compose.reservedDevices("ollama").get(0)))
			.as("Ollama and vLLM on different GPUs by default")
			.doesNotContainAnyElementsOf(this.compose.deviceIds(this.compose.reservedDevices("vllm").get(0)));
	}

	@Test
	void mountedFilesExistInTheRepository() {
		for (String service : this.compose.serviceNames()) {
			this.compose.bindMounts(service)
				.forEach((target, source) -> assertThat(Files.exists(source))
					.as("%s mounted at %s in %s", source, target, service)
					.isTrue());
		}
	}

	@Test
	void namedVolumesAreDeclared() {
		Set<String> declared = Nodes.map(this.compose.document().get("volumes")).keySet();
		Set<String> used = this.compose.serviceNames()
			.stream()
			.flatMap((service) -> Nodes.list(this.compose.service(service).get("volumes")).stream())
			.map((volume) -> volume.toString().split(":")[0])
			.filter((source) -> !source.startsWith(".") && !source.startsWith("/"))
			.collect(Collectors.toSet());
		assertThat(declared).isEqualTo(used);
	}

	@Test
	void fleetServicesMountTheDeployedCatalogueTheyAreToldToRead() {
		for (String service : this.compose.fleetServices()) {
			String location = this.compose.environment(service).get("SPRING_CONFIG_ADDITIONAL_LOCATION");
			assertThat(location).as("SPRING_CONFIG_ADDITIONAL_LOCATION of %s", service).startsWith("file:");
			Path mounted = this.compose.bindMounts(service).get(location.substring("file:".length()));
			assertThat(mounted).as("file mounted for %s", service)
				.isEqualTo(RepositoryFiles.path("deploy/k8s/base/core/config/fleet.yml"));
		}
	}

}
