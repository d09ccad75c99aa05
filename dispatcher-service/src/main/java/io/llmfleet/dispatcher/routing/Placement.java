package io.llmfleet.dispatcher.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.dispatcher.DispatcherProperties;
import io.llmfleet.dispatcher.DispatcherProperties.WhenFull;
import io.llmfleet.dispatcher.capacity.CapacityView;
import io.llmfleet.dispatcher.capacity.ModelCapacity;
import io.llmfleet.dispatcher.health.ModelBreakers;
import io.llmfleet.dispatcher.health.ModelLoad;
import io.llmfleet.schemas.RouteCandidate;

/**
 * Chooses the model for one attempt. Every model of the tiers in play is scored: one that
 * cannot hold the request's context, or was tried already, is out; one whose breaker is
 * open or that no live worker can host is shut; the rest are busy or ready, with an
 * expected completion time of queue depth over service rate plus expected latency (plus a
 * cold-load penalty when no worker has it loaded). A ready model of the first tier wins,
 * then (per {@code when-full}) a busy one of that tier or a ready one of a lighter tier;
 * with no capacity anywhere the request waits on the first tier's topic for a worker or
 * its deadline.
 */
public class Placement {

	private final FleetCatalog catalog;

	private final CapacityView capacity;

	private final ModelBreakers breakers;

	private final ModelLoad load;

	private final DispatcherProperties properties;

	public Placement(FleetCatalog catalog, CapacityView capacity, ModelBreakers breakers, ModelLoad load,
			DispatcherProperties properties) {
		this.catalog = catalog;
		this.capacity = capacity;
		this.breakers = breakers;
		this.load = load;
		this.properties = properties;
	}

	/**
	 * The model for an attempt in {@code startTier} (heavier when its models' context is
	 * too small), then, when {@code mayGoLighter}, down the classified tier's fallback
	 * chain.
	 * @param classifiedTier the tier the request was classified in
	 * @param startTier where this attempt starts
	 * @param need the context the request needs
	 * @param tried models already tried
	 * @param mayGoLighter whether lighter tiers may serve it
	 * @return the choice and every candidate weighed; no model when none can hold it
	 */
	public Choice choose(String classifiedTier, String startTier, ContextNeed need, Set<String> tried,
			boolean mayGoLighter) {
		List<String> tiers = tierOrder(classifiedTier, startTier, need, tried, mayGoLighter);
		if (tiers.isEmpty()) {
			return new Choice(null, List.of(), "no untried model has a context of " + need);
		}
		List<Scored> primary = scoreTier(tiers.get(0), need, tried);
		List<Scored> lighter = new ArrayList<>();
		tiers.subList(1, tiers.size()).forEach((tier) -> lighter.addAll(scoreTier(tier, need, tried)));
		boolean queueFirst = this.properties.whenFull() == WhenFull.QUEUE;
		Optional<Scored> chosen = pick(primary, Level.READY, "lowest expected completion time")
			.or(() -> queueFirst ? pick(primary, Level.BUSY, "every slot busy: queued in its tier")
					: pick(lighter, Level.READY, "tier " + tiers.get(0) + " is full: lighter tier with a free slot"))
			.or(() -> queueFirst ? pick(lighter, Level.READY, "tier " + tiers.get(0) + " has no live capacity")
					: pick(primary, Level.BUSY, "every slot busy: queued in its tier"))
			.or(() -> pick(lighter, Level.BUSY, "tier " + tiers.get(0) + " has no live capacity: queued lighter"))
			.or(() -> waitFor(primary));
		// The lighter tiers are in the record only when they were needed.
		List<Scored> weighed = new ArrayList<>(primary);
		if (chosen.isEmpty() || !primary.contains(chosen.get())) {
			weighed.addAll(lighter);
		}
		return new Choice(chosen.map(Scored::model).orElse(null),
				weighed.stream().map((scored) -> scored.candidate(chosen.orElse(null))).toList(),
				chosen.map(Scored::why).orElse("no model left"));
	}

	/**
	 * The start tier, or the first heavier one with a model whose context fits; then the
	 * classified tier's lighter fallbacks whose models fit.
	 */
	private List<String> tierOrder(String classifiedTier, String startTier, ContextNeed need, Set<String> tried,
			boolean mayGoLighter) {
		Predicate<String> holds = (tier) -> this.catalog.modelsOf(tier)
			.stream()
			.anyMatch((model) -> model.contextLength() >= need.total());
		Predicate<String> untried = (tier) -> this.catalog.modelsOf(tier)
			.stream()
			.anyMatch((model) -> !tried.contains(model.id()) && model.contextLength() >= need.total());
		List<String> upward = new ArrayList<>(List.of(startTier));
		upward.addAll(this.catalog.heavierTiers(startTier));
		String first = upward.stream().filter(holds).findFirst().orElse(startTier);
		List<String> order = new ArrayList<>();
		if (untried.test(first)) {
			order.add(first);
		}
		if (mayGoLighter) {
			this.catalog.fallbacksAfter(classifiedTier, first).stream().filter(untried).forEach(order::add);
		}
		return order;
	}

	private List<Scored> scoreTier(String tier, ContextNeed need, Set<String> tried) {
		return this.catalog.modelsOf(tier)
			.stream()
			.filter((model) -> !tried.contains(model.id()))
			.map((model) -> score(model, need))
			.toList();
	}

	/** Scores one model for a request that needs {@code need}. */
	Scored score(Model model, ContextNeed need) {
		if (model.contextLength() < need.total()) {
			return new Scored(model, Level.UNFIT, Double.NaN,
					"context " + model.contextLength() + " < " + need.total());
		}
		if (this.breakers.isOpen(model.id())) {
			return new Scored(model, Level.SHUT, Double.NaN, "circuit breaker open");
		}
		ModelCapacity available = this.capacity.of(model);
		double latency = this.load.expectedLatencyMs(model.id());
		int pending = this.load.pending(model.id());
		// concatenation, not String.format: this runs for every candidate of every
		// request
		String latencyNote = "latency " + Math.round(latency) + " ms "
				+ (this.load.measured(model.id()) ? "measured" : "assumed");
		if (!available.reported()) {
			double expected = (pending + 1) * latency + this.properties.coldLoad().toMillis();
			return new Scored(model, Level.BUSY, expected,
					available.note() + ", " + pending + " pending, " + latencyNote);
		}
		if (!available.viable()) {
			return new Scored(model, Level.SHUT, Double.NaN, available.note());
		}
		int busy = Math.max(pending, available.inFlight());
		int queued = Math.max(0, busy - available.slots() + 1);
		double expected = queued * latency / available.slots() + latency
				+ (available.loaded() ? 0 : this.properties.coldLoad().toMillis());
		boolean ready = available.hasFreeSlot() && busy < available.slots();
		return new Scored(model, ready ? Level.READY : Level.BUSY, expected,
				available.liveWorkers() + " worker(s), " + busy + "/" + available.slots() + " busy, "
						+ (available.loaded() ? "loaded" : "not loaded") + ", " + latencyNote);
	}

	/**
	 * The candidate of {@code level} with the earliest expected completion whose breaker
	 * lets it through (a half-open breaker admits only its probes).
	 */
	private Optional<Scored> pick(List<Scored> scored, Level level, String why) {
		List<Scored> ranked = scored.stream()
			.filter((candidate) -> candidate.level() == level)
			.sorted(Comparator.comparingDouble(Scored::expectedMs))
			.toList();
		for (Scored candidate : ranked) {
			if (this.breakers.tryPlace(candidate.model().id())) {
				return Optional.of(candidate.because(why));
			}
			candidate.shut("half-open: its probe is in flight");
		}
		return Optional.empty();
	}

	/**
	 * No capacity anywhere: the first tier's model least likely to be sick waits for a
	 * worker (the request waits on its topic until one comes or its deadline passes).
	 */
	private Optional<Scored> waitFor(List<Scored> primary) {
		return primary.stream()
			.filter((candidate) -> candidate.level() != Level.UNFIT)
			.min(Comparator.comparing((Scored candidate) -> this.breakers.isOpen(candidate.model().id())))
			.map((candidate) -> candidate.because("no capacity in any tier: waits for a worker or its deadline"));
	}

	/**
	 * A choice and what it weighed.
	 *
	 * @param model the chosen model, null when no model can hold the request
	 * @param candidates every model weighed
	 * @param why why this one
	 */
	public record Choice(Model model, List<RouteCandidate> candidates, String why) {
	}

	/** How able a model is to take a request now, worst first. */
	enum Level {

		UNFIT, SHUT, BUSY, READY

	}

	/** One model's score; mutable only while a choice is being made. */
	static final class Scored {

		private final Model model;

		private Level level;

		private final double expectedMs;

		private String note;

		private String why;

		Scored(Model model, Level level, double expectedMs, String note) {
			this.model = model;
			this.level = level;
			this.expectedMs = expectedMs;
			this.note = note;
		}

		Model model() {
			return this.model;
		}

		Level level() {
			return this.level;
		}

		double expectedMs() {
			return this.expectedMs;
		}

		String why() {
			return this.why;
		}

		Scored because(String reason) {
			this.why = reason;
			return this;
		}

		void shut(String reason) {
			this.level = Level.SHUT;
			this.note = reason;
		}

		RouteCandidate candidate(Scored chosen) {
			return RouteCandidate.newBuilder()
				.setModelId(this.model.id())
				.setTier(this.model.tier())
				.setEligible(this.level == Level.READY || this == chosen)
				.setExpectedMs(Double.isNaN(this.expectedMs) ? null : this.expectedMs)
				.setReason(this.level + ": " + this.note)
				.build();
		}

	}

}
