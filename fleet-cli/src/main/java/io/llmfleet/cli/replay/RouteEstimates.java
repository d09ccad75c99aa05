package io.llmfleet.cli.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.core.catalog.FleetCatalog;

/**
 * What a request costs and how long it takes, estimated from recorded traffic: a request
 * routed as production routed it keeps its recorded model's cost and its recorded
 * latency; one routed to another tier gets that tier's expectation, its models weighted
 * as production actually used them (by final attempts that ran in the tier), or evenly
 * over the catalogue's models of the tier where the traffic never reached it. Costs are
 * the catalogue's per-request weights ({@code fleet.catalog.models[].cost}).
 */
final class RouteEstimates {

	private final FleetCatalog catalog;

	private final Map<String, List<TrafficRecord.Served>> servedByTier = new HashMap<>();

	private final Map<String, List<Long>> latencyByModel = new TreeMap<>();

	RouteEstimates(List<TrafficRecord> traffic, FleetCatalog catalog) {
		this.catalog = catalog;
		for (TrafficRecord record : traffic) {
			TrafficRecord.Served served = record.served();
			if (served == null || served.model() == null) {
				continue;
			}
			this.servedByTier.computeIfAbsent(served.tier(), (tier) -> new ArrayList<>()).add(served);
			if (served.latencyMs() != null && "OK".equals(served.status())) {
				this.latencyByModel.computeIfAbsent(served.model(), (model) -> new ArrayList<>())
					.add(served.latencyMs());
			}
		}
	}

	/** The catalogue's cost of one request on {@code model}; 1 for a model it lacks. */
	double modelCost(String model) {
		return this.catalog.model(model).map(FleetCatalog.Model::cost).orElse(1.0);
	}

	/** The cost of a request as recorded; the tier's expectation when it has no model. */
	double recordedCost(TrafficRecord record, String tier) {
		TrafficRecord.Served served = record.served();
		return (served != null && served.model() != null) ? modelCost(served.model()) : tierCost(tier);
	}

	/** The latency of a request as recorded; the tier's expectation when none was. */
	Double recordedLatency(TrafficRecord record, String tier) {
		TrafficRecord.Served served = record.served();
		return (served != null && served.latencyMs() != null) ? Double.valueOf(served.latencyMs()) : tierLatency(tier);
	}

	/** The expected cost of one request routed to {@code tier}; 0 for none (rejected). */
	double tierCost(String tier) {
		if (tier == null) {
			return 0;
		}
		List<TrafficRecord.Served> served = this.servedByTier.getOrDefault(tier, List.of());
		if (!served.isEmpty()) {
			return served.stream().mapToDouble((s) -> modelCost(s.model())).average().orElse(0);
		}
		return this.catalog.modelsOf(tier).stream().mapToDouble(FleetCatalog.Model::cost).average().orElse(0);
	}

	/**
	 * The mean recorded latency of requests that ran in {@code tier}; null when unknown.
	 */
	Double tierLatency(String tier) {
		if (tier == null) {
			return null;
		}
		var latencies = this.servedByTier.getOrDefault(tier, List.of())
			.stream()
			.filter((served) -> served.latencyMs() != null)
			.mapToLong(TrafficRecord.Served::latencyMs)
			.summaryStatistics();
		return (latencies.getCount() > 0) ? latencies.getAverage() : null;
	}

	/** Recorded end-to-end latency of OK results, per model. */
	List<ReplayReport.ModelLatency> modelLatencies() {
		List<ReplayReport.ModelLatency> rows = new ArrayList<>();
		this.latencyByModel.forEach((model, latencies) -> {
			List<Long> sorted = latencies.stream().sorted().toList();
			rows.add(new ReplayReport.ModelLatency(model,
					this.catalog.model(model).map(FleetCatalog.Model::tier).orElse("?"), modelCost(model),
					sorted.size(), Percentiles.of(sorted, 0.50), Percentiles.of(sorted, 0.95),
					sorted.stream().mapToLong(Long::longValue).average().orElse(0)));
		});
		return rows;
	}

}
