package io.llmfleet.dispatcher;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the dispatcher places requests.
 *
 * @param maxAttempts attempts of one request across models before it fails
 * @param defaultMaxTokens completion length assumed for a request that sets no
 * {@code max_tokens}, when checking that it fits a model's context
 * @param whenFull what to do when no model of the tier has a free slot: {@code QUEUE} on
 * the tier's model with the earliest expected completion (the request waits on its topic
 * until a slot frees or its deadline passes), or {@code FALLBACK} to a lighter tier that
 * has a free slot first
 * @param expectedLatency a model's expected call time until outcomes say otherwise
 * @param coldLoad added to the expected completion of a model no worker has loaded
 * @param missedHeartbeats heartbeats a worker may miss before it counts as dead
 * @param capacityCatchUp how long start-up waits to rebuild the capacity view
 * @param breaker the per-model circuit breakers
 */
@Validated
@ConfigurationProperties("fleet.dispatcher")
public record DispatcherProperties(@DefaultValue("4") @Min(1) int maxAttempts,
		@DefaultValue("512") @Min(1) int defaultMaxTokens, @DefaultValue("QUEUE") @NotNull WhenFull whenFull,
		@DefaultValue("2s") @NotNull Duration expectedLatency, @DefaultValue("15s") @NotNull Duration coldLoad,
		@DefaultValue("3") @Min(1) int missedHeartbeats, @DefaultValue("10s") @NotNull Duration capacityCatchUp,
		@DefaultValue @Valid @NotNull Breaker breaker) {

	/** What to do when every model of the tier is busy. */
	public enum WhenFull {

		/** Wait in the tier: quality first. */
		QUEUE,

		/** Go lighter to answer sooner: latency first. */
		FALLBACK

	}

	/**
	 * One circuit breaker per model, fed by the outcomes workers report.
	 *
	 * @param failureRate percentage of failed calls that opens the breaker
	 * @param window the last calls the rate is computed over
	 * @param minimumCalls calls needed before the rate counts
	 * @param openFor how long an open breaker keeps the model out before probing it
	 * @param probes requests let through to a half-open model to test it
	 * @param probeTimeout how long a half-open breaker waits for its probes' outcomes
	 * before opening again (a probe lost with its worker must not block the model)
	 */
	public record Breaker(@DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRate,
			@DefaultValue("10") @Min(1) int window, @DefaultValue("5") @Min(1) int minimumCalls,
			@DefaultValue("30s") @NotNull Duration openFor, @DefaultValue("1") @Min(1) int probes,
			@DefaultValue("2m") @NotNull Duration probeTimeout) {
	}

}
