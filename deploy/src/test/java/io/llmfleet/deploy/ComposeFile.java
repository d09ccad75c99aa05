package io.llmfleet.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root {@code docker-compose.yml} as {@code docker compose} reads it with no
 * variables set: {@code ${VAR:-default}} and {@code ${VAR-default}} give their defaults,
 * {@code ${VAR}} is empty and {@code $$} is a literal {@code $}.
 */
final class ComposeFile {

	static final Path FILE = RepositoryFiles.path("docker-compose.yml");

	private static final Pattern VARIABLE = Pattern
		.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

	private final Map<String, Object> document;

	private ComposeFile(Map<String, Object> document) {
		this.document = document;
	}

	static ComposeFile load() {
		return new ComposeFile(RepositoryFiles.yaml(FILE));
	}

	/** The parsed document, before interpolation. */
	Map<String, Object> document() {
		return this.document;
	}

	Set<String> serviceNames() {
		return Nodes.map(this.document.get("services")).keySet();
	}

	Map<String, Object> service(String name) {
		Map<String, Object> service = Nodes.map(Nodes.at(this.document, "services", name));
		if (service.isEmpty()) {
			throw new IllegalArgumentException("docker-compose.yml has no service '" + name + "'");
		}
		return service;
	}

	/** The services that run an image {@code docker/build-images.sh} builds. */
	List<String> fleetServices() {
		return serviceNames().stream().filter((name) -> image(name).startsWith("llm-fleet/")).toList();
	}

	String image(String name) {
		return interpolate(Nodes.text(service(name), "image"));
	}

	/** The service's environment, in either of its two forms. */
	Map<String, String> environment(String name) {
		Object environment = service(name).get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof List<?> entries) {
			for (Object entry : entries) {
				String[] pair = entry.toString().split("=", 2);
				variables.put(pair[0], (pair.length > 1) ? interpolate(pair[1]) : "");
			}
		}
		else {
			Nodes.strings(environment).forEach((key, value) -> variables.put(key, interpolate(value)));
		}
		return variables;
	}

	List<String> command(String name) {
		return Nodes.list(service(name).get("command")).stream().map((part) -> interpolate(part.toString())).toList();
	}

	/** The device reservations of {@code deploy.resources.reservations.devices}. */
	List<Map<String, Object>> reservedDevices(String name) {
		return Nodes.maps(Nodes.at(service(name), "deploy", "resources", "reservations", "devices"));
	}

	List<String> deviceIds(Map<String, Object> device) {
		return Nodes.list(device.get("device_ids")).stream().map((id) -> interpolate(id.toString())).toList();
	}

	/** Each dependency and the condition it waits for. */
	Map<String, String> dependsOn(String name) {
		Object dependsOn = service(name).get("depends_on");
		Map<String, String> conditions = new LinkedHashMap<>();
		if (dependsOn instanceof List<?> names) {
			names.forEach((dependency) -> conditions.put(dependency.toString(), "service_started"));
		}
		else {
			Nodes.map(dependsOn)
				.forEach((dependency, spec) -> conditions.put(dependency, Nodes.text(spec, "condition")));
		}
		return conditions;
	}

	List<String> ports(String name) {
		return Nodes.list(service(name).get("ports")).stream().map((port) -> interpolate(port.toString())).toList();
	}

	/**
	 * Host files and directories bound into the service, by the path they get inside it.
	 */
	Map<String, Path> bindMounts(String name) {
		Map<String, Path> mounts = new LinkedHashMap<>();
		for (Object volume : Nodes.list(service(name).get("volumes"))) {
			String[] parts = interpolate(volume.toString()).split(":");
			if (parts.length >= 2 && (parts[0].startsWith("./") || parts[0].startsWith("/"))) {
				mounts.put(parts[1], RepositoryFiles.root().resolve(parts[0]).normalize());
			}
		}
		return mounts;
	}

	/** A value as Compose interpolates it with no variables set. */
	static String interpolate(String value) {
		if (value == null) {
			return null;
		}
		Matcher matcher = VARIABLE.matcher(value);
		StringBuilder interpolated = new StringBuilder();
		while (matcher.find()) {
			String replacement;
			if (matcher.group().equals("$$")) {
				replacement = "$";
			}
			else if (matcher.group(2) != null && matcher.group(2).endsWith("-")) {
				replacement = matcher.group(3);
			}
			else if (matcher.group(2) != null) {
				throw new IllegalStateException("docker-compose.yml requires " + matcher.group(1) + ": " + value);
			}
			else {
				replacement = "";
			}
			matcher.appendReplacement(interpolated, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(interpolated);
		return interpolated.toString();
	}

}
