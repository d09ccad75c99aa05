package io.llmfleet.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Deployment or StatefulSet seen through its pod template: labels, selector, containers
 * (native sidecars among the init containers) and the environment a container gets.
 *
 * @param document the manifest
 */
record Workload(Map<String, Object> document) {

	static final List<String> KINDS = List.of("Deployment", "StatefulSet");

	static List<Workload> all(Manifests manifests) {
		return manifests.documents()
			.stream()
			.filter((document) -> KINDS.contains(Nodes.text(document, "kind")))
			.map(Workload::new)
			.toList();
	}

	String kind() {
		return Nodes.text(this.document, "kind");
	}

	String name() {
		return Nodes.text(this.document, "metadata", "name");
	}

	@Override
	public String toString() {
		return kind() + " " + name();
	}

	Map<String, String> selector() {
		return Nodes.strings(Nodes.at(this.document, "spec", "selector", "matchLabels"));
	}

	Map<String, String> labels() {
		return Nodes.strings(Nodes.at(this.document, "spec", "template", "metadata", "labels"));
	}

	Map<String, Object> pod() {
		return Nodes.map(Nodes.at(this.document, "spec", "template", "spec"));
	}

	List<Map<String, Object>> containers() {
		return Nodes.maps(pod().get("containers"));
	}

	List<Map<String, Object>> initContainers() {
		return Nodes.maps(pod().get("initContainers"));
	}

	List<Map<String, Object>> allContainers() {
		List<Map<String, Object>> all = new ArrayList<>(initContainers());
		all.addAll(containers());
		return all;
	}

	/** Whether an init container runs beside the others (Kubernetes native sidecar). */
	static boolean isSidecar(Map<String, Object> container) {
		return "Always".equals(container.get("restartPolicy"));
	}

	Optional<Map<String, Object>> container(String name) {
		return allContainers().stream().filter((container) -> name.equals(container.get("name"))).findFirst();
	}

	/** Whether a label selector picks this workload's pods. */
	boolean podsMatch(Map<String, String> selector) {
		return !selector.isEmpty() && labels().entrySet().containsAll(selector.entrySet());
	}

	/** The variables a container gets: its envFrom ConfigMaps', then its own env. */
	static Map<String, String> environment(Map<String, Object> container, Map<String, Map<String, String>> configMaps) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Map<String, Object> source : Nodes.maps(container.get("envFrom"))) {
			String configMap = Nodes.text(source, "configMapRef", "name");
			if (configMap != null) {
				environment.putAll(configMaps.getOrDefault(configMap, Map.of()));
			}
		}
		for (Map<String, Object> variable : Nodes.maps(container.get("env"))) {
			environment.put(Nodes.text(variable, "name"), Nodes.text(variable, "value"));
		}
		return environment;
	}

	/** The ConfigMap a container mounts at a directory, if any. */
	Optional<String> configMapMountedAt(Map<String, Object> container, String directory) {
		return Nodes.maps(container.get("volumeMounts"))
			.stream()
			.filter((mount) -> directory.equals(Nodes.text(mount, "mountPath")))
			.map((mount) -> Nodes.text(mount, "name"))
			.flatMap((volume) -> Nodes.maps(pod().get("volumes"))
				.stream()
				.filter((candidate) -> volume.equals(candidate.get("name"))))
			.map((volume) -> Nodes.text(volume, "configMap", "name"))
			.filter((name) -> name != null)
			.findFirst();
	}

	/** Names a container's ports declare. */
	static List<String> portNames(Map<String, Object> container) {
		return Nodes.maps(container.get("ports")).stream().map((port) -> Nodes.text(port, "name")).toList();
	}

}
