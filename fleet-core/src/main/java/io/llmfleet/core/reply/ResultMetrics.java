package io.llmfleet.core.reply;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.Timings;
import io.llmfleet.schemas.Usage;

/**
 * What every published result says about the fleet, as Micrometer meters (Prometheus
 * names in brackets): requests by tier, model and status ({@code fleet_requests_total}),
 * latency by stage ({@code fleet_latency_seconds{stage=queue|backend|end_to_end}}), time
 * to first token ({@code fleet_time_to_first_token_seconds}) and the completion rate of
 * the latest call ({@code fleet_tokens_per_second}) per model. Recorded where results are
 * written, so each service counts what it answered: workers the OK results, the
 * classifier and dispatcher the ones that end a request early.
 */
public class ResultMetrics {

	private static final String NONE = "none";

	private final MeterRegistry registry;

	private final Map<String, AtomicReference<Double>> tokensPerSecond = new ConcurrentHashMap<>();

	public ResultMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Records one result. */
	public void record(InferenceResult result) {
		String tier = orNone(result.getTier());
		String model = orNone(result.getModelId());
		Counter.builder("fleet.requests")
			.description("Finished requests")
			.tags("tier", tier, "model", model, "status", result.getStatus().name())
			.register(this.registry)
			.increment();
		Timings timings = result.getTimings();
		if (timings == null) {
			return;
		}
		stage("queue", timings.getQueueMs());
		stage("backend", timings.getBackendMs());
		stage("end_to_end", timings.getTotalMs());
		if (timings.getTimeToFirstTokenMs() != null) {
			latency("fleet.time.to.first.token", "Backend call to the first streamed token").tags("model", model)
				.register(this.registry)
				.record(Duration.ofMillis(timings.getTimeToFirstTokenMs()));
		}
		Usage usage = result.getUsage();
		if (usage != null && timings.getBackendMs() != null && usage.getCompletionTokens() > 0) {
			long generatingMs = timings.getBackendMs()
					- ((timings.getTimeToFirstTokenMs() != null) ? timings.getTimeToFirstTokenMs() : 0);
			if (generatingMs > 0) {
				rate(model).set(usage.getCompletionTokens() * 1000.0 / generatingMs);
			}
		}
	}

	private void stage(String stage, Long millis) {
		if (millis != null && millis >= 0) {
			latency("fleet.latency", "Time spent in a stage of a request").tags("stage", stage)
				.register(this.registry)
				.record(Duration.ofMillis(millis));
		}
	}

	private static Timer.Builder latency(String name, String description) {
		return Timer.builder(name).description(description).publishPercentileHistogram();
	}

	private AtomicReference<Double> rate(String model) {
		return this.tokensPerSecond.computeIfAbsent(model, (id) -> {
			AtomicReference<Double> latest = new AtomicReference<>(0.0);
			Gauge.builder("fleet.tokens.per.second", latest, AtomicReference::get)
				.description("Completion tokens per second of the latest call, after the first token")
				.tags("model", id)
				.register(this.registry);
			return latest;
		});
	}

	private static String orNone(String value) {
		return (value != null) ? value : NONE;
	}

}
