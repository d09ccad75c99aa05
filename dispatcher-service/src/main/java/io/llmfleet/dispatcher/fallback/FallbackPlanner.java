package io.llmfleet.dispatcher.fallback;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.reply.Results;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.RoutedRequest;

/**
 * Decides what follows a failed attempt. A POISON request is rejected. A pinned request,
 * or one that forbids fallback, fails with the cause. Otherwise the request goes to an
 * untried model of the same tier, then down the classified tier's fallback chain; when
 * the chain is exhausted it fails with every attempt's cause. Each attempt uses a model
 * not tried before, so the number of attempts is bounded by the catalogue.
 */
public class FallbackPlanner {

	private final FleetCatalog catalog;

	private final Router router;

	public FallbackPlanner(FleetCatalog catalog, Router router) {
		this.catalog = catalog;
		this.router = router;
	}

	/** The decision for {@code letter}. */
	public FallbackDecision plan(DeadLetter letter) {
		RoutedRequest failed = letter.getRouted();
		if (failed == null) {
			return new FallbackDecision.Keep(letter.getReason());
		}
		InferenceRequest request = failed.getRequest();
		List<Attempt> history = new ArrayList<>(failed.getHistory());
		history.add(new Attempt(failed.getModelId(), failed.getTier(), letter.getWorkerId(), letter.getErrorKind(),
				letter.getReason()));
		if (letter.getErrorKind() == ErrorKind.POISON) {
			return finish(request, history, Results.rejected(request, ErrorKind.POISON, letter.getReason()));
		}
		if (failed.getClassification().getPinned() || !request.getAllowFallback()) {
			String why = failed.getClassification().getPinned() ? "the request is pinned to it"
					: "the request forbids fallback";
			return finish(request, history, Results.failed(request, letter.getErrorKind(),
					"Model " + failed.getModelId() + " failed and " + why + ": " + letter.getReason()));
		}
		for (String tier : tiersToTry(failed)) {
			Optional<RoutedRequest> next = this.router.next(request, failed.getClassification(),
					failed.getClassifiedAt(), tier, history, " after " + failed.getModelId() + " failed with "
							+ letter.getErrorKind() + " (attempt " + history.size() + ")");
			if (next.isPresent()) {
				return new FallbackDecision.Reroute(next.get());
			}
		}
		return finish(request, history,
				Results.failed(request, letter.getErrorKind(),
						"Every model tried failed: " + history.stream()
							.map((attempt) -> attempt.getModelId() + " (" + attempt.getErrorKind() + ": "
									+ attempt.getReason() + ")")
							.collect(Collectors.joining("; "))));
	}

	/**
	 * The failed attempt's tier, then the lighter tiers of the classified tier's chain
	 * after it.
	 */
	private List<String> tiersToTry(RoutedRequest failed) {
		List<String> tiers = new ArrayList<>();
		String tier = failed.getTier();
		while (tier != null) {
			tiers.add(tier);
			tier = this.catalog.fallbackAfter(failed.getClassification().getTier(), tier).orElse(null);
		}
		return tiers;
	}

	private static FallbackDecision finish(InferenceRequest request, List<Attempt> history, InferenceResult result) {
		Attempt last = history.get(history.size() - 1);
		result.setAttempts(history.size());
		result.setModelId(last.getModelId());
		result.setTier(last.getTier());
		return new FallbackDecision.Finish(request, result);
	}

}
