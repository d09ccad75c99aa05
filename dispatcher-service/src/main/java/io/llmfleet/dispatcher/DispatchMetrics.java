package io.llmfleet.dispatcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.dispatcher.capacity.CapacityView;
import io.llmfleet.dispatcher.health.ModelBreakers;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.ModelSlots;

/**
 * What the dispatcher knows, as Micrometer meters (Prometheus names in brackets): each
 * model's breaker state ({@code fleet_breaker_state}: 0 closed, 1 half-open, 2 open) and
 * calls in flight across its live workers ({@code fleet_in_flight}), each worker's free
 * VRAM ({@code fleet_gpu_vram_free_bytes}), and re-routes by cause
 * ({@code fleet_fallbacks_total}). The dispatcher sees every worker's report, so one
 * scrape shows the whole fleet.
 */
public class DispatchMetrics {

	private final MeterRegistry registry;

	private final CapacityView capacity;

	private final Set<String> workersWithGauge = ConcurrentHashMap.newKeySet();

	public DispatchMetrics(MeterRegistry registry, FleetCatalog catalog, CapacityView capacity,
			ModelBreakers breakers) {
		this.registry = registry;
		this.capacity = capacity;
		for (Model model : catalog.models()) {
			Gauge.builder("fleet.breaker.state", () -> state(breakers.of(model.id()).getState()))
				.description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
				.tag("model", model.id())
				.register(registry);
			Gauge.builder("fleet.in.flight", () -> inFlight(model.id()))
				.description("Calls in flight on the model's live workers, as last reported")
				.tag("model", model.id())
				.register(registry);
		}
	}

	/** A request was re-routed after a failure of {@code cause}. */
	public void fellBack(ErrorKind cause) {
		Counter.builder("fleet.fallbacks")
			.description("Requests re-routed after a failed attempt")
			.tag("cause", cause.name())
			.register(this.registry)
			.increment();
	}

	/** A worker reported: it gets its free-VRAM gauge on its first report. */
	public void reported(CapacityReport report) {
		String worker = report.getWorkerId();
		if (this.workersWithGauge.add(worker)) {
			String gpu = (report.getGpuUuid() != null) ? report.getGpuUuid()
					: (report.getGpuIndex() != null) ? String.valueOf(report.getGpuIndex()) : "static";
			Gauge.builder("fleet.gpu.vram.free", () -> freeVram(worker))
				.description("Free GPU memory a worker reported")
				.baseUnit("bytes")
				.tags("worker", worker, "gpu", gpu)
				.register(this.registry);
		}
	}

	private double freeVram(String worker) {
		return this.capacity.live()
			.stream()
			.filter((report) -> report.getWorkerId().equals(worker))
			.mapToDouble(CapacityReport::getVramFreeBytes)
			.findFirst()
			.orElse(Double.NaN);
	}

	private double inFlight(String modelId) {
		return this.capacity.live()
			.stream()
			.flatMap((report) -> report.getSlots().stream())
			.filter((slots) -> slots.getModelId().equals(modelId))
			.mapToInt(ModelSlots::getInFlight)
			.sum();
	}

	private static double state(CircuitBreaker.State state) {
		return switch (state) {
			case CLOSED, DISABLED, METRICS_ONLY -> 0;
			case HALF_OPEN -> 1;
			case OPEN, FORCED_OPEN -> 2;
		};
	}

}
