package io.llmfleet.dispatcher.fallback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.reply.Results;
import io.llmfleet.dispatcher.routing.ContextNeed;
import io.llmfleet.dispatcher.routing.Decision;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.RoutedRequest;

/**
 * Decides what follows a failed attempt, appending it to the request's history. POISON is
 * rejected and PERMANENT fails: neither can go better elsewhere. A request past its
 * deadline expires. A request at the attempt cap, or pinned and forbidding fallback,
 * fails with every cause. CONTEXT_LENGTH escalates to a model with a larger context.
 * Anything else goes to an untried model of the same tier, then (when the request allows
 * fallback) down the classified tier's chain; with no model left it fails listing every
 * attempt's cause.
 */
public class FallbackPlanner {

	private final FleetCatalog catalog;

	private final Router router;

	private final int maxAttempts;

	public FallbackPlanner(FleetCatalog catalog, Router router, int maxAttempts) {
		this.catalog = catalog;
		this.router = router;
		this.maxAttempts = maxAttempts;
	}

	/** The decision for {@code letter}. */
	public Decision plan(DeadLetter letter) {
		RoutedRequest failed = letter.getRouted();
		if (failed == null) {
			return new Decision.Keep(letter.getReason());
		}
		InferenceRequest request = failed.getRequest();
		ErrorKind kind = letter.getErrorKind();
		List<Attempt> history = new ArrayList<>(failed.getHistory());
		history.add(new Attempt(failed.getModelId(), failed.getTier(), letter.getWorkerId(), kind, letter.getReason()));
		if (kind == ErrorKind.POISON) {
			return finish(request, history, Results.rejected(request, kind, letter.getReason()));
		}
		if (Results.isExpired(request, Instant.now())) {
			return finish(request, history, Results.expiredAfter(request, history.size()));
		}
		if (kind == ErrorKind.PERMANENT) {
			return finish(request, history, Results.failed(request, kind, "Model " + failed.getModelId()
					+ " cannot serve the request and PERMANENT failures are not retried: " + letter.getReason()));
		}
		if (history.size() >= this.maxAttempts) {
			return finish(request, history, Results.failed(request, kind,
					"Gave up after " + history.size() + " attempts: " + Router.describe(history)));
		}
		if (failed.getClassification().getPinned() && !request.getAllowFallback()) {
			return finish(request, history, Results.failed(request, kind, "Model " + failed.getModelId()
					+ " failed and the request is pinned to it without fallback: " + Router.describe(history)));
		}
		ContextNeed need = this.router.needOf(request, failed.getClassification());
		if (kind == ErrorKind.CONTEXT_LENGTH) {
			need = need.above(this.catalog.model(failed.getModelId()).map((model) -> model.contextLength()).orElse(0));
		}
		return this.router.next(request, failed.getClassification(), failed.getClassifiedAt(), failed.getTier(), need,
				history, request.getAllowFallback(),
				" (after " + failed.getModelId() + " failed with " + kind + ", attempt " + history.size() + ")");
	}

	private static Decision finish(InferenceRequest request, List<Attempt> history, InferenceResult result) {
		return new Decision.Finish(request, Router.ended(result, history));
	}

}
