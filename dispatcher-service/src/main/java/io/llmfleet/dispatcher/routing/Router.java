package io.llmfleet.dispatcher.routing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutedRequest;

/**
 * Builds the routed request for one attempt, recording the decision (tier, candidates,
 * choice, reason) in the record and in one log line.
 */
public class Router {

	private static final Logger logger = LoggerFactory.getLogger(Router.class);

	private final ModelSelector selector;

	public Router(ModelSelector selector) {
		this.selector = selector;
	}

	/** The first attempt of a classified request, or empty when its tier has no model. */
	public Optional<RoutedRequest> first(ClassifiedRequest classified) {
		InferenceRequest request = classified.getRequest();
		Classification classification = classified.getClassification();
		if (classification.getPinned()) {
			String decision = "pinned to " + request.getModel() + " by the request";
			return Optional.of(routed(request, classification, classified.getClassifiedAt(), request.getModel(),
					classification.getTier(), 1, List.of(), decision));
		}
		return next(request, classification, classified.getClassifiedAt(), classification.getTier(), List.of(), "");
	}

	/**
	 * An attempt in {@code tier} after {@code history}, on a model not tried yet, or
	 * empty when every model of the tier was tried.
	 */
	public Optional<RoutedRequest> next(InferenceRequest request, Classification classification, Instant classifiedAt,
			String tier, List<Attempt> history, String why) {
		Set<String> tried = Set.copyOf(history.stream().map(Attempt::getModelId).toList());
		List<String> candidates = this.selector.candidateIds(tier, tried);
		Optional<Model> chosen = this.selector.select(tier, tried);
		return chosen.map((model) -> routed(request, classification, classifiedAt, model.id(), tier, history.size() + 1,
				history, "tier=" + tier + " (confidence " + String.format("%.2f", classification.getConfidence()) + ")"
						+ " candidates=" + candidates + " chose " + model.id() + " by round-robin" + why));
	}

	private static RoutedRequest routed(InferenceRequest request, Classification classification, Instant classifiedAt,
			String modelId, String tier, int attempt, List<Attempt> history, String decision) {
		logger.info("Route {} attempt {}: {}", request.getRequestId(), attempt, decision);
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(classification)
			.setModelId(modelId)
			.setTier(tier)
			.setAttempt(attempt)
			.setHistory(history)
			.setDecision(decision)
			.setClassifiedAt(classifiedAt)
			.setRoutedAt(Instant.now())
			.build();
	}

}
