package io.llmfleet.embedded.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /config} and {@code /mode}: compatibility levels, global and per subject (read
 * with {@code defaultToGlobal}, set, and deleted back to the fallback), and the registry
 * mode, which is always {@code READWRITE} here.
 */
final class ConfigResources {

	private static final String READWRITE = "READWRITE";

	private final SchemaStore store;

	ConfigResources(SchemaStore store) {
		this.store = store;
	}

	JsonNode config(RegistryRequest request) {
		List<String> path = request.path();
		if (path.size() > 2) {
			throw request.notFound();
		}
		String subject = (path.size() == 2) ? path.get(1) : null;
		return request.route(Map.of("GET", () -> {
			CompatibilityLevel level = (subject == null) ? this.store.globalLevel() : subjectLevel(request, subject);
			return RegistryJson.object().put("compatibilityLevel", level.name());
		}, "PUT", () -> update(request, subject), "DELETE",
				() -> RegistryJson.object().put("compatibilityLevel", this.store.deleteLevel(subject).name())));
	}

	/**
	 * Sets the level when the body has one; Confluent's other config fields (normalize,
	 * ...) are accepted and ignored.
	 */
	private JsonNode update(RegistryRequest request, String subject) {
		JsonNode level = request.body().path("compatibility");
		ObjectNode answer = RegistryJson.object();
		if (!level.isMissingNode()) {
			CompatibilityLevel parsed = CompatibilityLevel.parse(level.isString() ? level.asString() : null);
			this.store.setLevel(subject, parsed);
			answer.put("compatibility", parsed.name());
		}
		return answer;
	}

	private CompatibilityLevel subjectLevel(RegistryRequest request, String subject) {
		Optional<CompatibilityLevel> level = this.store.subjectLevel(subject);
		if (level.isPresent()) {
			return level.get();
		}
		if (request.flag("defaultToGlobal")) {
			return this.store.globalLevel();
		}
		throw RegistryException.subjectLevelConfigNotFound(subject);
	}

	JsonNode mode(RegistryRequest request) {
		if (request.path().size() > 2) {
			throw request.notFound();
		}
		return request.route(Map.of("GET", () -> RegistryJson.object().put("mode", READWRITE), "PUT", () -> {
			String mode = request.body().path("mode").asString("");
			if (!mode.toUpperCase(Locale.ROOT).equals(READWRITE)) {
				throw RegistryException.invalidMode(mode);
			}
			return RegistryJson.object().put("mode", READWRITE);
		}));
	}

}
