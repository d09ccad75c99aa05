package io.llmfleet.embedded.registry;

import java.util.Map;

/**
 * Which versions a read sees, from the {@code deleted} and {@code deletedOnly} query
 * parameters as Confluent Schema Registry reads them: live versions only (the default),
 * soft-deleted ones too, or soft-deleted ones only.
 */
enum LookupFilter {

	/** Live versions only. */
	DEFAULT,

	/** Live and soft-deleted versions ({@code deleted=true}). */
	INCLUDE_DELETED,

	/** Soft-deleted versions only ({@code deletedOnly=true}). */
	DELETED_ONLY;

	static LookupFilter of(Map<String, String> query) {
		if (Boolean.parseBoolean(query.get("deletedOnly"))) {
			return DELETED_ONLY;
		}
		return Boolean.parseBoolean(query.get("deleted")) ? INCLUDE_DELETED : DEFAULT;
	}

	boolean accepts(boolean deleted) {
		return switch (this) {
			case DEFAULT -> !deleted;
			case INCLUDE_DELETED -> true;
			case DELETED_ONLY -> deleted;
		};
	}

}
