package io.llmfleet.core.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The tiers, ordered light to heavy, and the models that serve them. Validated at
 * start-up: model ids are unique and topic-safe, every model names a known tier, and
 * every fallback chain names only lighter tiers.
 *
 * @param tiers the tiers, lightest first
 * @param models the catalogue
 */
@Validated
@ConfigurationProperties("fleet.catalog")
public record FleetCatalog(@NotEmpty List<@Valid Tier> tiers, @NotEmpty List<@Valid Model> models) {

	public FleetCatalog {
		tiers = List.copyOf(tiers);
		models = List.copyOf(models);
		List<String> tierNames = tiers.stream().map(Tier::name).toList();
		requireUnique("tier", tierNames);
		requireUnique("model id", models.stream().map(Model::id).toList());
		for (Model model : models) {
			if (!tierNames.contains(model.tier())) {
				throw new IllegalArgumentException("Model '" + model.id() + "' names tier '" + model.tier()
						+ "', which is not one of the configured tiers " + tierNames);
			}
		}
		for (Tier tier : tiers) {
			for (String fallback : tier.fallback()) {
				int from = tierNames.indexOf(tier.name());
				int to = tierNames.indexOf(fallback);
				if (to < 0 || to >= from) {
					throw new IllegalArgumentException("Tier '" + tier.name() + "' falls back to '" + fallback
							+ "', which is not a lighter configured tier; tiers light to heavy: " + tierNames);
				}
			}
		}
	}

	/** The model with this id. */
	public Optional<Model> model(String id) {
		return this.models.stream().filter((model) -> model.id().equals(id)).findFirst();
	}

	/** The models serving {@code tier}, in catalogue order. */
	public List<Model> modelsOf(String tier) {
		return this.models.stream().filter((model) -> model.tier().equals(tier)).toList();
	}

	/** Every model id, in catalogue order. */
	public List<String> modelIds() {
		return this.models.stream().map(Model::id).toList();
	}

	/** The tier names, lightest first. */
	public List<String> tierNames() {
		return this.tiers.stream().map(Tier::name).toList();
	}

	/** Whether {@code name} is a configured tier. */
	public boolean hasTier(String name) {
		return tierNames().contains(name);
	}

	/** The lightest tier: where a request goes when nothing says otherwise. */
	public String lightestTier() {
		return this.tiers.get(0).name();
	}

	/** The next heavier tier, or the same one when it is the heaviest. */
	public String heavierThan(String tier) {
		List<String> names = tierNames();
		int index = names.indexOf(tier);
		return names.get(Math.min(index + 1, names.size() - 1));
	}

	/** The heavier of two tiers. */
	public String heavierOf(String a, String b) {
		return (tierNames().indexOf(a) >= tierNames().indexOf(b)) ? a : b;
	}

	/**
	 * The tiers to fall back to, in order, after {@code tier} for a request classified
	 * {@code classifiedTier}: the rest of the classified tier's chain after it; for a
	 * tier off that chain (a request escalated for its context), that tier's own chain.
	 */
	public List<String> fallbacksAfter(String classifiedTier, String tier) {
		List<String> chain = new ArrayList<>();
		chain.add(classifiedTier);
		chain.addAll(tier(classifiedTier).fallback());
		int at = chain.indexOf(tier);
		return (at >= 0) ? List.copyOf(chain.subList(at + 1, chain.size())) : tier(tier).fallback();
	}

	/** The tiers heavier than {@code tier}, lightest first. */
	public List<String> heavierTiers(String tier) {
		List<String> names = tierNames();
		return names.subList(names.indexOf(tier) + 1, names.size());
	}

	private Tier tier(String name) {
		return this.tiers.stream()
			.filter((tier) -> tier.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown tier '" + name + "'; known: " + tierNames()));
	}

	private static void requireUnique(String what, List<String> values) {
		Set<String> seen = new HashSet<>();
		Set<String> repeated = values.stream().filter((value) -> !seen.add(value)).collect(Collectors.toSet());
		if (!repeated.isEmpty()) {
			throw new IllegalArgumentException("Each " + what + " must be unique; repeated: " + repeated);
		}
	}

	/**
	 * A tier of service.
	 *
	 * @param name the tier's name, as requests and models name it
	 * @param fallback lighter tiers to try, in order, when this tier fails
	 */
	public record Tier(@NotBlank String name, @DefaultValue List<String> fallback) {

		public Tier {
			fallback = (fallback != null) ? List.copyOf(fallback) : List.of();
		}

	}

	/**
	 * A model of the catalogue.
	 *
	 * @param id topic-safe id, used in topic names and pins ({@code llama3.2-3b})
	 * @param backend the backend kind that serves it ({@code ollama}, {@code vllm})
	 * @param backendModel the backend's own name for it ({@code llama3.2:3b})
	 * @param tier the tier it serves
	 * @param contextLength context window in tokens
	 * @param vram memory it needs on a GPU when loaded
	 * @param cost relative cost of one request on it (replay evaluation weighs routing
	 * policies by it); 1 by default
	 */
	public record Model(
			@NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]+",
					message = "must be topic-safe: letters, digits, '.', '_' and '-'") String id,
			@NotBlank String backend, @NotBlank String backendModel, @NotBlank String tier,
			@DefaultValue("8192") @Min(1) int contextLength, @DefaultValue("0B") DataSize vram,
			@DefaultValue("1") @DecimalMin("0") double cost) {

		@ConstructorBinding
		public Model {
		}

		/** A model of cost 1. */
		public Model(String id, String backend, String backendModel, String tier, int contextLength, DataSize vram) {
			this(id, backend, backendModel, tier, contextLength, vram, 1);
		}

	}

}
