package io.llmfleet.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes documents to check: either what {@code kubectl kustomize} rendered, or a
 * kustomization read straight from disk without kubectl (its resources, recursively, and
 * the ConfigMaps its generators make; patches, namespaces and name hashes are not
 * applied). Reading from disk also records every path a kustomization names that does not
 * exist.
 */
final class Manifests {

	private final List<Map<String, Object>> documents = new ArrayList<>();

	private final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	private Manifests() {
	}

	/** Documents rendered by kustomize (or written by hand), ConfigMaps among them. */
	static Manifests of(String yaml) {
		Manifests manifests = new Manifests();
		manifests.add(RepositoryFiles.yamlDocuments(yaml));
		return manifests;
	}

	/** A kustomization directory read from disk. */
	static Manifests read(Path kustomization) {
		Manifests manifests = new Manifests();
		manifests.accumulate(kustomization);
		return manifests;
	}

	List<Map<String, Object>> documents() {
		return this.documents;
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.documents.stream().filter((document) -> kind.equals(document.get("kind"))).toList();
	}

	Optional<Map<String, Object>> find(String kind, String name) {
		return ofKind(kind).stream()
			.filter((document) -> name.equals(Nodes.text(document, "metadata", "name")))
			.findFirst();
	}

	/** Every ConfigMap, by name, with its data. */
	Map<String, Map<String, String>> configMaps() {
		return this.configMaps;
	}

	/** Paths named by a kustomization that do not exist. */
	List<String> problems() {
		return this.problems;
	}

	private void add(List<Map<String, Object>> documents) {
		for (Map<String, Object> document : documents) {
			this.documents.add(document);
			if ("ConfigMap".equals(document.get("kind"))) {
				this.configMaps.put(Nodes.text(document, "metadata", "name"), Nodes.strings(document.get("data")));
			}
		}
	}

	private void accumulate(Path directory) {
		Path file = directory.resolve("kustomization.yaml");
		if (!Files.isRegularFile(file)) {
			this.problems.add(directory + " has no kustomization.yaml");
			return;
		}
		Map<String, Object> kustomization = RepositoryFiles.yaml(file);
		for (Object resource : Nodes.list(kustomization.get("resources"))) {
			Path path = directory.resolve(resource.toString()).normalize();
			if (Files.isDirectory(path)) {
				accumulate(path);
			}
			else if (Files.isRegularFile(path)) {
				add(RepositoryFiles.yamlDocuments(RepositoryFiles.read(path)));
			}
			else {
				this.problems.add(file + " names resource " + resource + ", which does not exist");
			}
		}
		for (Map<String, Object> patch : Nodes.maps(kustomization.get("patches"))) {
			if (patch.containsKey("path")) {
				requireFile(file, directory, "patch", Nodes.text(patch, "path"));
			}
		}
		for (Map<String, Object> generator : Nodes.maps(kustomization.get("configMapGenerator"))) {
			generate(file, directory, generator);
		}
	}

	private void generate(Path file, Path directory, Map<String, Object> generator) {
		String name = Nodes.text(generator, "name");
		Map<String, String> data = new LinkedHashMap<>();
		for (Object literal : Nodes.list(generator.get("literals"))) {
			String[] pair = literal.toString().split("=", 2);
			data.put(pair[0], (pair.length > 1) ? pair[1] : "");
		}
		for (Object entry : Nodes.list(generator.get("files"))) {
			String[] keyAndPath = entry.toString().split("=", 2);
			String source = keyAndPath[keyAndPath.length - 1];
			if (requireFile(file, directory, "configMapGenerator file", source)) {
				String key = (keyAndPath.length > 1) ? keyAndPath[0] : Path.of(source).getFileName().toString();
				data.put(key, RepositoryFiles.read(directory.resolve(source)));
			}
		}
		String behavior = Nodes.text(generator, "behavior");
		if ("merge".equals(behavior) && this.configMaps.containsKey(name)) {
			this.configMaps.get(name).putAll(data);
		}
		else {
			this.configMaps.put(name, data);
		}
	}

	private boolean requireFile(Path file, Path directory, String what, String path) {
		if (path != null && Files.isRegularFile(directory.resolve(path))) {
			return true;
		}
		this.problems.add(file + " names " + what + " " + path + ", which does not exist");
		return false;
	}

}
