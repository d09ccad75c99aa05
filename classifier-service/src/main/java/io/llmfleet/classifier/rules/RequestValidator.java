package io.llmfleet.classifier.rules;

import java.util.Optional;
import java.util.Set;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

/**
 * Says why a request cannot be served as sent (no id, no messages, an unknown role, tier
 * hint or pinned model), in words that tell the client what to change.
 */
public final class RequestValidator {

	private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

	private final FleetCatalog catalog;

	public RequestValidator(FleetCatalog catalog) {
		this.catalog = catalog;
	}

	/** The reason to reject {@code request}, or empty when it is valid. */
	public Optional<String> problem(InferenceRequest request) {
		if (request.getRequestId() == null || request.getRequestId().isBlank()) {
			return Optional.of("request_id is empty");
		}
		if (request.getMessages().isEmpty()) {
			return Optional.of("messages is empty: a request needs at least one message");
		}
		for (ChatMessage message : request.getMessages()) {
			if (!ROLES.contains(message.getRole())) {
				return Optional.of("message role '" + message.getRole() + "' is not one of " + ROLES);
			}
		}
		if (request.getTierHint() != null && !this.catalog.hasTier(request.getTierHint())) {
			return Optional
				.of("Unknown tier_hint '" + request.getTierHint() + "'; known tiers: " + this.catalog.tierNames());
		}
		if (request.getModel() != null && this.catalog.model(request.getModel()).isEmpty()) {
			return Optional.of("Unknown model '" + request.getModel() + "'; known models: " + this.catalog.modelIds());
		}
		return Optional.empty();
	}

	/** The text the classifier reads: every message's content, one per line. */
	public static String promptOf(InferenceRequest request) {
		int length = 0;
		for (ChatMessage message : request.getMessages()) {
			length += String.valueOf(message.getContent()).length() + 1;
		}
		StringBuilder prompt = new StringBuilder(length);
		for (ChatMessage message : request.getMessages()) {
			prompt.append(message.getContent()).append('\n');
		}
		return prompt.toString();
	}

}
