package io.llmfleet.dispatcher.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;

/**
 * Picks a model of a tier, spreading load round-robin over the tier's models and skipping
 * models already tried for the request. Thread-safe. (Capacity-aware choice replaces
 * round-robin once workers report headroom.)
 */
public class ModelSelector {

	private final FleetCatalog catalog;

	private final Map<String, AtomicInteger> nextByTier = new ConcurrentHashMap<>();

	public ModelSelector(FleetCatalog catalog) {
		this.catalog = catalog;
	}

	/** A model of {@code tier} not in {@code excluded}, or empty when none is left. */
	public Optional<Model> select(String tier, Set<String> excluded) {
		List<Model> candidates = this.catalog.modelsOf(tier)
			.stream()
			.filter((model) -> !excluded.contains(model.id()))
			.toList();
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		int turn = this.nextByTier.computeIfAbsent(tier, (key) -> new AtomicInteger()).getAndIncrement();
		return Optional.of(candidates.get(Math.floorMod(turn, candidates.size())));
	}

	/** The ids of the models a selection for {@code tier} chose among. */
	public List<String> candidateIds(String tier, Set<String> excluded) {
		return this.catalog.modelsOf(tier).stream().map(Model::id).filter((id) -> !excluded.contains(id)).toList();
	}

}
