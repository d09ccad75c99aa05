package io.llmfleet.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration a fleet container of a Kubernetes workload would see: its environment
 * (envFrom ConfigMaps, env, and the pod name as {@code HOSTNAME}) and its ConfigMap
 * volumes, written to a temporary directory standing in for each mount path.
 */
final class PodEnvironment {

	private PodEnvironment() {
	}

	/**
	 * The container's service environment.
	 * @param workload the workload
	 * @param container one of its containers running an {@code llm-fleet/*} image
	 * @param manifests where its ConfigMaps are
	 * @param podName the pod name to give as {@code HOSTNAME}
	 * @return the environment
	 */
	static ServiceEnvironment of(Workload workload, Map<String, Object> container, Manifests manifests,
			String podName) {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("HOSTNAME", podName);
		variables.putAll(Workload.environment(container, manifests.configMaps()));
		Map<String, Path> mounts = new LinkedHashMap<>();
		for (Map<String, Object> mount : Nodes.maps(container.get("volumeMounts"))) {
			String mountPath = Nodes.text(mount, "mountPath");
			workload.configMapMountedAt(container, mountPath)
				.map((name) -> manifests.configMaps().get(name))
				.ifPresent((data) -> mounts.put(mountPath, write(data)));
		}
		return ServiceEnvironment.of(configName(Nodes.text(container, "image")), variables, mounts);
	}

	/** A fleet image's service, which is also its {@code spring.config.name}. */
	static String configName(String image) {
		String repository = image.substring(image.lastIndexOf('/') + 1);
		int tag = repository.indexOf(':');
		return (tag >= 0) ? repository.substring(0, tag) : repository;
	}

	private static Path write(Map<String, String> data) {
		try {
			Path directory = Files.createTempDirectory("configmap");
			directory.toFile().deleteOnExit();
			for (Map.Entry<String, String> file : data.entrySet()) {
				Files.writeString(directory.resolve(file.getKey()), file.getValue()).toFile().deleteOnExit();
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
