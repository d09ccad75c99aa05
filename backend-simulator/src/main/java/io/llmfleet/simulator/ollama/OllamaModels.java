package io.llmfleet.simulator.ollama;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.llmfleet.simulator.http.HttpError;

/**
 * The models the simulated Ollama has pulled and which of them are loaded. A model loads
 * on its first request and stays loaded for its request's {@code keep_alive}; expired
 * models are dropped when {@code /api/ps} is read, as Ollama's scheduler unloads them
 * lazily. Thread-safe.
 */
final class OllamaModels {

	// what Ollama reports as expiry for keep_alive < 0: far enough to never matter
	private static final Instant FOREVER = Instant.parse("2318-01-01T00:00:00Z");

	private final Map<String, ModelCard> pulled = new LinkedHashMap<>();

	private final Map<String, Instant> loadedUntil = new ConcurrentHashMap<>();

	private final Instant pulledAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	OllamaModels(List<String> names) {
		for (String name : names) {
			ModelCard card = ModelCard.of(name);
			this.pulled.put(card.name(), card);
		}
	}

	/**
	 * Finds a pulled model; {@code llama3.2} and {@code llama3.2:latest} are the same
	 * model.
	 * @param name the name from the request
	 * @return its card
	 * @throws HttpError 400 without a name, 404 in Ollama's words for an unknown model
	 */
	ModelCard require(String name) {
		if (name == null || name.isBlank()) {
			throw HttpError.badRequest("model is required");
		}
		ModelCard card = this.pulled.get(ModelCard.canonical(name));
		if (card == null) {
			throw HttpError.notFound("model \"" + name + "\" not found, try pulling it first");
		}
		return card;
	}

	/**
	 * Marks a model loaded until its keep-alive runs out, or unloads it for a zero
	 * keep-alive.
	 * @param card the model
	 * @param keepAlive how long it stays loaded from now
	 * @return whether it was not loaded before (a cold start)
	 */
	boolean keepLoaded(ModelCard card, KeepAlive keepAlive) {
		Instant now = Instant.now();
		Instant before = this.loadedUntil.get(card.name());
		boolean cold = before == null || before.isBefore(now);
		if (keepAlive.unloadsNow()) {
			this.loadedUntil.remove(card.name());
		}
		else {
			this.loadedUntil.put(card.name(), keepAlive.forever() ? FOREVER : now.plus(keepAlive.duration()));
		}
		return cold;
	}

	/**
	 * The reply to {@code GET /api/tags}.
	 * @return every pulled model
	 */
	OllamaApi.Tags tags() {
		List<OllamaApi.LocalModel> models = new ArrayList<>();
		for (ModelCard card : this.pulled.values()) {
			models.add(new OllamaApi.LocalModel(card.name(), card.name(), this.pulledAt.toString(), card.size(),
					card.digest(), card.details()));
		}
		return new OllamaApi.Tags(models);
	}

	/**
	 * The reply to {@code GET /api/ps}, dropping models whose keep-alive ran out.
	 * @return the loaded models, fully in VRAM
	 */
	OllamaApi.Running running() {
		Instant now = Instant.now();
		this.loadedUntil.values().removeIf((until) -> until.isBefore(now));
		List<OllamaApi.RunningModel> models = new ArrayList<>();
		for (ModelCard card : this.pulled.values()) {
			Instant until = this.loadedUntil.get(card.name());
			if (until != null) {
				models.add(new OllamaApi.RunningModel(card.name(), card.name(), card.size(), card.digest(),
						card.details(), until.toString(), card.size()));
			}
		}
		return new OllamaApi.Running(models);
	}

}
