package io.llmfleet.dispatcher.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.reply.Results;
import io.llmfleet.dispatcher.routing.Placement.Choice;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.RouteCandidate;
import io.llmfleet.schemas.RoutedRequest;

/**
 * Turns a placement into the routed request for one attempt, recording the decision
 * (tier, context need, every candidate with its score or why it was out, the choice and
 * why) in the record and in one log line. A pinned request goes to its model; when that
 * model cannot take it and the request allows fallback, the pin is recorded as a skipped
 * attempt and the request is placed in the model's tier, so the result says it fell back.
 */
public class Router {

	private static final Logger logger = LoggerFactory.getLogger(Router.class);

	private final FleetCatalog catalog;

	private final Placement placement;

	private final int defaultMaxTokens;

	public Router(FleetCatalog catalog, Placement placement, int defaultMaxTokens) {
		this.catalog = catalog;
		this.placement = placement;
		this.defaultMaxTokens = defaultMaxTokens;
	}

	/**
	 * The first attempt of a classified request, or a REJECTED result when no model's
	 * context can hold it.
	 */
	public Decision first(ClassifiedRequest classified) {
		InferenceRequest request = classified.getRequest();
		Classification classification = classified.getClassification();
		ContextNeed need = needOf(classified.getRequest(), classification);
		String tier = classification.getTier();
		List<Attempt> history = new ArrayList<>();
		if (classification.getPinned()) {
			Model pin = this.catalog.model(request.getModel()).orElseThrow();
			Placement.Scored scored = this.placement.score(pin, need);
			boolean takes = scored.level() == Placement.Level.READY || scored.level() == Placement.Level.BUSY;
			if (takes || !request.getAllowFallback()) {
				RouteCandidate candidate = scored.candidate(scored);
				String decision = "pinned to " + pin.id() + " by the request (" + candidate.getReason() + ")";
				return new Decision.Route(routed(request, classification, classified.getClassifiedAt(), pin, 1, history,
						List.of(candidate), decision));
			}
			history.add(new Attempt(pin.id(), pin.tier(), null, ErrorKind.CAPACITY,
					"pinned model skipped, the request allows fallback: " + scored.candidate(null).getReason()));
			tier = pin.tier();
		}
		return next(request, classification, classified.getClassifiedAt(), tier, need, history, true, "");
	}

	/**
	 * An attempt starting in {@code tier} after {@code history}, on a model not tried
	 * yet.
	 * @param request the request
	 * @param classification what the classifier said
	 * @param classifiedAt when it said so
	 * @param tier the tier to start in
	 * @param need the context the request needs
	 * @param history the attempts so far
	 * @param mayGoLighter whether lighter tiers of the classified tier's chain may serve
	 * it
	 * @param why what led here, appended to the decision
	 * @return the attempt, or the result that ends the request when no model is left
	 */
	public Decision next(InferenceRequest request, Classification classification, Instant classifiedAt, String tier,
			ContextNeed need, List<Attempt> history, boolean mayGoLighter, String why) {
		Set<String> tried = history.stream().map(Attempt::getModelId).collect(Collectors.toSet());
		Choice choice = this.placement.choose(classification.getTier(), tier, need, tried, mayGoLighter);
		String weighed = "tier=" + classification.getTier() + " (confidence "
				+ hundredths(classification.getConfidence()) + "), needs " + need + ": "
				+ choice.candidates()
					.stream()
					.map((candidate) -> candidate.getModelId() + " " + estimate(candidate))
					.collect(Collectors.joining("; "));
		if (choice.model() == null) {
			return new Decision.Finish(request,
					ended(noModelLeft(request, need, history, choice, mayGoLighter), history));
		}
		return new Decision.Route(routed(request, classification, classifiedAt, choice.model(), history.size() + 1,
				history, choice.candidates(), weighed + " -> " + choice.model().id() + ": " + choice.why() + why));
	}

	/** The context a request needs, from the classifier's estimate and its options. */
	public ContextNeed needOf(InferenceRequest request, Classification classification) {
		Integer maxTokens = (request.getOptions() != null) ? request.getOptions().getMaxTokens() : null;
		return new ContextNeed(classification.getEstPromptTokens(),
				(maxTokens != null) ? maxTokens : this.defaultMaxTokens, 0);
	}

	/** Sets what a result that ends the request carries about its attempts. */
	public static InferenceResult ended(InferenceResult result, List<Attempt> history) {
		result.setAttempts(history.size());
		result.setHistory(List.copyOf(history));
		if (!history.isEmpty()) {
			Attempt last = history.get(history.size() - 1);
			result.setModelId(last.getModelId());
			result.setTier(last.getTier());
		}
		return result;
	}

	private InferenceResult noModelLeft(InferenceRequest request, ContextNeed need, List<Attempt> history,
			Choice choice, boolean mayGoLighter) {
		Optional<Model> largest = this.catalog.models().stream().max(Comparator.comparingInt(Model::contextLength));
		if (largest.isEmpty() || largest.get().contextLength() < need.total()) {
			return Results.rejected(request, ErrorKind.CONTEXT_LENGTH,
					"The request needs a context of " + need + "; the largest in the catalogue is "
							+ largest.map((model) -> model.contextLength() + " (" + model.id() + ")").orElse("none"));
		}
		return Results.failed(request, history.get(history.size() - 1).getErrorKind(),
				"No model left to try (" + choice.why()
						+ (mayGoLighter ? "" : "; the request forbids falling back to a lighter tier") + "); attempts: "
						+ describe(history));
	}

	/** Every attempt's model and cause, for a FAILED result's message. */
	public static String describe(List<Attempt> history) {
		return history.stream()
			.map((attempt) -> attempt.getModelId() + " (" + attempt.getErrorKind() + ": " + attempt.getReason() + ")")
			.collect(Collectors.joining("; "));
	}

	// as "%.2f" would print a confidence, at a fraction of String.format's cost
	private static String hundredths(double value) {
		long hundredths = Math.round(value * 100);
		long fraction = Math.abs(hundredths % 100);
		return ((hundredths < 0) ? "-" : "") + Math.abs(hundredths / 100) + ((fraction < 10) ? ".0" : ".") + fraction;
	}

	private static String estimate(RouteCandidate candidate) {
		return (candidate.getExpectedMs() != null)
				? Math.round(candidate.getExpectedMs()) + " ms [" + candidate.getReason() + "]"
				: "out [" + candidate.getReason() + "]";
	}

	private static RoutedRequest routed(InferenceRequest request, Classification classification, Instant classifiedAt,
			Model model, int attempt, List<Attempt> history, List<RouteCandidate> candidates, String decision) {
		logger.info("Route {} attempt {}: {}", request.getRequestId(), attempt, decision);
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(classification)
			.setModelId(model.id())
			.setTier(model.tier())
			.setAttempt(attempt)
			.setHistory(history)
			.setDecision(decision)
			.setCandidates(candidates)
			.setClassifiedAt(classifiedAt)
			.setRoutedAt(Instant.now())
			.build();
	}

}
