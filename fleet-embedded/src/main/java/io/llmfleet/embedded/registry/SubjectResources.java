package io.llmfleet.embedded.registry;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * {@code /subjects}: register, look up, list, read and delete a subject's versions, with
 * Confluent's query parameters: {@code deleted} / {@code deletedOnly} to see soft-deleted
 * versions, {@code lookupDeletedSchema} as another name for {@code deleted} on lookups,
 * {@code permanent} for hard deletes and {@code subjectPrefix} on the subject list.
 * {@code normalize} is accepted: schemas are always compared in Avro's parsed form.
 */
final class SubjectResources {

	private final SchemaStore store;

	SubjectResources(SchemaStore store) {
		this.store = store;
	}

	JsonNode handle(RegistryRequest request) {
		List<String> path = request.path();
		if (path.size() == 1) {
			return request.expect("GET", true,
					() -> RegistryJson.strings(this.store.subjects(request.filter(), prefix(request))));
		}
		String subject = path.get(1);
		if (path.size() == 2) {
			return request.route(Map.of("POST", () -> lookup(request, subject), "DELETE",
					() -> RegistryJson.numbers(this.store.deleteSubject(subject, request.flag("permanent")))));
		}
		if (!path.get(2).equals("versions") || path.size() > 5) {
			throw request.notFound();
		}
		if (path.size() == 3) {
			return request.route(Map.of("POST",
					() -> RegistryJson.object().put("id", this.store.register(subject, request.schema())), "GET",
					() -> RegistryJson.numbers(this.store.versions(subject, request.filter()))));
		}
		int version = RegistryRequest.version(path.get(3));
		if (path.size() == 4) {
			return request
				.route(Map.of("GET", () -> RegistryJson.version(this.store.version(subject, version, request.filter())),
						"DELETE", () -> RegistryJson.JSON.getNodeFactory()
							.numberNode(this.store.deleteVersion(subject, version, request.flag("permanent")))));
		}
		return switch (path.get(4)) {
			case "schema" -> request.expect("GET", true,
					() -> RegistryJson.raw(this.store.version(subject, version, request.filter()).schema()));
			// No schema references here, so nothing ever refers to a version.
			case "referencedby" -> request.expect("GET", true, () -> {
				this.store.version(subject, version, request.filter());
				return RegistryJson.numbers(List.of());
			});
			default -> throw request.notFound();
		};
	}

	private JsonNode lookup(RegistryRequest request, String subject) {
		boolean deleted = request.flag("deleted") || request.flag("lookupDeletedSchema");
		return RegistryJson.version(this.store.lookup(subject, request.schema(),
				deleted ? LookupFilter.INCLUDE_DELETED : LookupFilter.DEFAULT));
	}

	/**
	 * Confluent's default prefix {@code :*:} means every subject of the default context.
	 */
	private static String prefix(RegistryRequest request) {
		String prefix = request.query().get("subjectPrefix");
		return (prefix == null || prefix.isEmpty() || prefix.equals(":*:")) ? null : prefix;
	}

}
