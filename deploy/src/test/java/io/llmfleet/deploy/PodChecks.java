package io.llmfleet.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What every Deployment and StatefulSet must get right: a selector that picks its own
 * pods and no other workload's, containers with a pinned image, resources and probes,
 * volumes and ConfigMaps that exist, GPUs only where a GPU pool is named, and the fleet's
 * own containers probed on their actuator health groups.
 */
final class PodChecks {

	static final String GPU = "nvidia.com/gpu";

	static final String GPU_POOL = "llm-fleet.io/gpu-pool";

	private PodChecks() {
	}

	static void check(Manifests manifests, Consumer<String> problems) {
		List<Workload> workloads = Workload.all(manifests);
		for (Workload workload : workloads) {
			checkSelector(workload, workloads, problems);
			checkPod(workload, manifests, problems);
			for (Map<String, Object> container : workload.allContainers()) {
				checkContainer(workload, container, problems);
			}
			checkGpu(workload, problems);
		}
	}

	private static void checkSelector(Workload workload, List<Workload> workloads, Consumer<String> problems) {
		if (!workload.podsMatch(workload.selector())) {
			problems.accept(workload + ": selector " + workload.selector() + " does not match its pod labels "
					+ workload.labels());
		}
		for (Workload other : workloads) {
			if (other != workload && other.podsMatch(workload.selector())) {
				problems.accept(workload + ": selector " + workload.selector() + " also picks the pods of " + other);
			}
		}
	}

	private static void checkPod(Workload workload, Manifests manifests, Consumer<String> problems) {
		Map<String, Object> pod = workload.pod();
		if (workload.containers().isEmpty()) {
			problems.accept(workload + " has no containers");
		}
		if (!Boolean.FALSE.equals(pod.get("enableServiceLinks"))) {
			problems.accept(workload + ": enableServiceLinks must be false (Service variables such as KAFKA_PORT "
					+ "would reach images that read KAFKA_* and SPRING_* settings)");
		}
		Set<String> volumes = new HashSet<>();
		Nodes.maps(pod.get("volumes")).forEach((volume) -> volumes.add(Nodes.text(volume, "name")));
		Nodes.maps(Nodes.at(workload.document(), "spec", "volumeClaimTemplates"))
			.forEach((claim) -> volumes.add(Nodes.text(claim, "metadata", "name")));
		for (Map<String, Object> volume : Nodes.maps(pod.get("volumes"))) {
			requireConfigMap(workload, Nodes.text(volume, "configMap", "name"), manifests, problems);
		}
		for (Map<String, Object> container : workload.allContainers()) {
			for (Map<String, Object> mount : Nodes.maps(container.get("volumeMounts"))) {
				if (!volumes.contains(Nodes.text(mount, "name"))) {
					problems.accept(workload + ": container " + container.get("name") + " mounts volume "
							+ mount.get("name") + ", which the pod does not declare");
				}
			}
			for (Map<String, Object> source : Nodes.maps(container.get("envFrom"))) {
				requireConfigMap(workload, Nodes.text(source, "configMapRef", "name"), manifests, problems);
			}
			for (Map<String, Object> variable : Nodes.maps(container.get("env"))) {
				Object reference = Nodes.at(variable, "valueFrom", "configMapKeyRef");
				if (reference != null && !Boolean.TRUE.equals(Nodes.at(reference, "optional"))) {
					requireConfigMap(workload, Nodes.text(reference, "name"), manifests, problems);
				}
			}
		}
	}

	private static void requireConfigMap(Workload workload, String name, Manifests manifests,
			Consumer<String> problems) {
		if (name != null && !manifests.configMaps().containsKey(name)) {
			problems.accept(workload + " uses ConfigMap " + name + ", which is not defined");
		}
	}

	private static void checkContainer(Workload workload, Map<String, Object> container, Consumer<String> problems) {
		String where = workload + ", container " + container.get("name");
		String image = Nodes.text(container, "image");
		if (image == null || !image.substring(image.lastIndexOf('/') + 1).contains(":") || image.endsWith(":latest")) {
			problems.accept(where + ": image " + image + " is not pinned to a tag");
		}
		if (Nodes.at(container, "resources", "requests", "cpu") == null
				|| Nodes.at(container, "resources", "limits", "memory") == null) {
			problems.accept(where + ": needs resources.requests.cpu and resources.limits.memory");
		}
		boolean runsAlongside = workload.containers().contains(container) || Workload.isSidecar(container);
		if (runsAlongside && container.get("livenessProbe") == null) {
			problems.accept(where + ": has no livenessProbe");
		}
		if (workload.containers().contains(container) && container.get("readinessProbe") == null) {
			problems.accept(where + ": has no readinessProbe");
		}
		if (Workload.isSidecar(container) && container.get("startupProbe") == null) {
			problems.accept(where + ": a sidecar needs a startupProbe, or the containers after it start too early");
		}
		for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
			Object port = Nodes.at(container, probe, "httpGet", "port");
			if (port == null) {
				port = Nodes.at(container, probe, "tcpSocket", "port");
			}
			if (port instanceof String name && !Workload.portNames(container).contains(name)) {
				problems.accept(where + ": " + probe + " uses port " + name + ", which the container does not name");
			}
		}
		if (image != null && image.startsWith("llm-fleet/")) {
			checkFleetContainer(where, container, problems);
		}
	}

	private static void checkFleetContainer(String where, Map<String, Object> container, Consumer<String> problems) {
		boolean management = Nodes.maps(container.get("ports"))
			.stream()
			.anyMatch((port) -> "management".equals(port.get("name"))
					&& Integer.valueOf(8080).equals(port.get("containerPort")));
		if (!management) {
			problems.accept(where + ": needs the port management: 8080 its image serves actuator on");
		}
		Map<String, String> paths = Map.of("livenessProbe", "/actuator/health/liveness", "readinessProbe",
				"/actuator/health/readiness");
		paths.forEach((probe, path) -> {
			if (!path.equals(Nodes.text(container, probe, "httpGet", "path"))) {
				problems.accept(where + ": " + probe + " must get " + path);
			}
		});
	}

	private static void checkGpu(Workload workload, Consumer<String> problems) {
		List<Object> gpus = workload.allContainers()
			.stream()
			.map((container) -> Nodes.at(container, "resources", "limits", GPU))
			.filter((limit) -> limit != null)
			.toList();
		if (!workload.labels().containsKey(GPU_POOL)) {
			if (!gpus.isEmpty()) {
				problems.accept(workload + " asks for GPUs without naming a GPU pool (" + GPU_POOL + ")");
			}
			return;
		}
		if (!gpus.equals(List.of(1))) {
			problems
				.accept(workload + ": one container must hold the replica's one GPU (" + GPU + ": 1), found " + gpus);
		}
		boolean tolerated = Nodes.maps(workload.pod().get("tolerations"))
			.stream()
			.anyMatch((toleration) -> GPU.equals(toleration.get("key")));
		if (!tolerated) {
			problems.accept(workload + " does not tolerate the " + GPU + " taint of GPU nodes");
		}
	}

}
