package io.llmfleet.dispatcher.health;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.dispatcher.DispatcherProperties;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutingOutcome;

/**
 * One Resilience4j circuit breaker per model, fed by the outcomes workers report rather
 * than by calls the dispatcher makes itself (it makes none). An open breaker keeps the
 * model out of placement; after the cool-down it turns half-open by itself, so the next
 * request placed there is the probe even when the model has a single worker and no other
 * traffic, and the probe's outcome closes or re-opens it. A half-open breaker whose
 * probes never report (their worker died) opens again after the probe timeout.
 */
public class ModelBreakers {

	private static final Logger logger = LoggerFactory.getLogger(ModelBreakers.class);

	/**
	 * Failures that say the model is sick. CONTEXT_LENGTH, POISON and EXPIRED say
	 * something about the request, not the model.
	 */
	private static final Set<ErrorKind> MODEL_FAILURES = EnumSet.of(ErrorKind.TRANSIENT, ErrorKind.CAPACITY,
			ErrorKind.TIMEOUT, ErrorKind.PERMANENT);

	private final CircuitBreakerRegistry registry;

	public ModelBreakers(DispatcherProperties.Breaker settings) {
		CircuitBreakerConfig config = CircuitBreakerConfig.custom()
			.slidingWindowType(SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.window())
			.minimumNumberOfCalls(settings.minimumCalls())
			.failureRateThreshold(settings.failureRate())
			.waitDurationInOpenState(settings.openFor())
			.automaticTransitionFromOpenToHalfOpenEnabled(true)
			.permittedNumberOfCallsInHalfOpenState(settings.probes())
			.maxWaitDurationInHalfOpenState(settings.probeTimeout())
			.recordExceptions(ModelFailure.class)
			.build();
		this.registry = CircuitBreakerRegistry.of(config);
		this.registry.getEventPublisher().onEntryAdded((added) -> {
			CircuitBreaker breaker = added.getAddedEntry();
			breaker.getEventPublisher()
				.onStateTransition((event) -> logger.warn("Circuit breaker of {}: {} after {}% of recent calls failed",
						breaker.getName(), event.getStateTransition(), breaker.getMetrics().getFailureRate()));
		});
	}

	/** The breaker of {@code modelId}, created closed on first use. */
	public CircuitBreaker of(String modelId) {
		return this.registry.circuitBreaker(modelId);
	}

	/** Whether the model is shut out now (open, or forced open). */
	public boolean isOpen(String modelId) {
		CircuitBreaker.State state = of(modelId).getState();
		return state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN;
	}

	/**
	 * Takes a permission to place a request on the model: always granted when closed,
	 * limited to the probes when half-open.
	 */
	public boolean tryPlace(String modelId) {
		return of(modelId).tryAcquirePermission();
	}

	/** Records one finished attempt. */
	public void record(RoutingOutcome outcome) {
		if (outcome.getModelId() == null) {
			return;
		}
		CircuitBreaker breaker = of(outcome.getModelId());
		long millis = (outcome.getBackendMs() != null) ? outcome.getBackendMs() : 0;
		if (outcome.getStatus() == ResultStatus.OK) {
			breaker.onSuccess(millis, TimeUnit.MILLISECONDS);
		}
		else if (outcome.getErrorKind() != null && MODEL_FAILURES.contains(outcome.getErrorKind())) {
			breaker.onError(millis, TimeUnit.MILLISECONDS, new ModelFailure(outcome));
		}
		else {
			// Not the model's fault: hand back a probe's permission without a verdict.
			breaker.releasePermission();
		}
	}

	/** A failed attempt, as the breaker records it. */
	static final class ModelFailure extends RuntimeException {

		ModelFailure(RoutingOutcome outcome) {
			super(outcome.getErrorKind() + " on " + outcome.getModelId() + " for " + outcome.getRequestId(), null,
					false, false);
		}

	}

}
