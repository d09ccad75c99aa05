package io.llmfleet.simulator.ollama;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.llmfleet.simulator.http.HttpError;

/**
 * The models the simulated Ollama has pulled and which of them are loaded. A model loads
 * on its first request (or an empty warm-up request), which takes the configured load
 * time; requests arriving meanwhile wait for that same load, as Ollama's scheduler makes
 * them. {@code /api/ps} lists a model from the moment its load starts, as Ollama does
 * (its {@code PsHandler} lists every runner in the scheduler's {@code loaded} map, which
 * a runner joins before it finished loading), so a listed model is not necessarily ready.
 * A model stays loaded while requests use it and then for the last request's
 * {@code keep_alive}; expired models are dropped lazily, as Ollama's scheduler unloads
 * them. Thread-safe.
 */
final class OllamaModels {

	/** Context window a model is loaded with when the request sets no {@code num_ctx}. */
	static final int DEFAULT_CONTEXT_LENGTH = 4096;

	// what Ollama reports as expiry for keep_alive < 0: far enough to never matter
	private static final Instant FOREVER = Instant.parse("2318-01-01T00:00:00Z");

	private final Map<String, ModelCard> pulled = new LinkedHashMap<>();

	private final Duration loadTime;

	private final Map<String, Residency> resident = new HashMap<>();

	private final Instant pulledAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/**
	 * Creates the model store.
	 * @param names the pulled models
	 * @param vramSizes bytes in VRAM per model name (with or without tag); models not
	 * named get a size derived from their parameter count
	 * @param loadTime how long loading a model takes
	 */
	OllamaModels(List<String> names, Map<String, Long> vramSizes, Duration loadTime) {
		Map<String, Long> vram = new HashMap<>();
		vramSizes.forEach((name, bytes) -> vram.put(ModelCard.canonical(name), bytes));
		for (String name : names) {
			ModelCard card = ModelCard.of(name, vram.getOrDefault(ModelCard.canonical(name), 0L));
			this.pulled.put(card.name(), card);
		}
		this.loadTime = loadTime;
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
	 * Loads a model, or waits for the load in progress, and marks it in use until
	 * {@link #release}.
	 * @param card the model
	 * @param numCtx the request's {@code num_ctx}, 0 for the default; used when this call
	 * loads the model
	 * @param extraLoadTime asked only when this call loads the model: time added to the
	 * load (a slow-load fault)
	 * @return how long the call waited for the model, at least one nanosecond
	 * @throws InterruptedException when the simulator stops during the load
	 */
	Duration acquire(ModelCard card, int numCtx, Supplier<Duration> extraLoadTime) throws InterruptedException {
		long start = System.nanoTime();
		Residency residency;
		boolean loader;
		synchronized (this) {
			dropExpired(Instant.now());
			residency = this.resident.get(card.name());
			loader = residency == null;
			if (loader) {
				residency = new Residency((numCtx > 0) ? numCtx : DEFAULT_CONTEXT_LENGTH);
				this.resident.put(card.name(), residency);
			}
			residency.inUse++;
		}
		if (loader) {
			load(card, residency, this.loadTime.plus(extraLoadTime.get()));
		}
		else {
			awaitLoad(residency);
		}
		return Duration.ofNanos(Math.max(1, System.nanoTime() - start));
	}

	/**
	 * Ends one use of a model and starts its keep-alive countdown, or unloads it for a
	 * zero keep-alive once no other request uses it.
	 * @param card the model
	 * @param keepAlive the keep-alive of the request that ends
	 */
	synchronized void release(ModelCard card, KeepAlive keepAlive) {
		Residency residency = this.resident.get(card.name());
		if (residency == null) {
			return;
		}
		residency.inUse = Math.max(0, residency.inUse - 1);
		Instant now = Instant.now();
		residency.until = keepAlive.forever() ? FOREVER : now.plus(keepAlive.duration());
		if (keepAlive.unloadsNow() && residency.inUse == 0) {
			this.resident.remove(card.name());
		}
	}

	/**
	 * Unloads a model at once, as {@code keep_alive: 0} on an empty request does or as a
	 * runner that ran out of memory is dropped.
	 * @param card the model
	 */
	synchronized void unload(ModelCard card) {
		this.resident.remove(card.name());
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
	 * The reply to {@code GET /api/ps}: models loaded or being loaded, dropping those
	 * whose keep-alive ran out.
	 * @return the models in memory, fully in VRAM
	 */
	synchronized OllamaApi.Running running() {
		Instant now = Instant.now();
		dropExpired(now);
		List<OllamaApi.RunningModel> models = new ArrayList<>();
		for (ModelCard card : this.pulled.values()) {
			Residency residency = this.resident.get(card.name());
			if (residency != null && !residency.ready.isCompletedExceptionally()) {
				// a model loading or in use expires no sooner than the default keep-alive
				// after now, as Ollama estimates it
				Instant until = (residency.until != null) ? residency.until : now.plus(KeepAlive.DEFAULT.duration());
				models.add(new OllamaApi.RunningModel(card.name(), card.name(), card.vramSize(), card.digest(),
						card.details(), until.toString(), card.vramSize(), residency.contextLength));
			}
		}
		return new OllamaApi.Running(models);
	}

	private void load(ModelCard card, Residency residency, Duration duration) throws InterruptedException {
		try {
			if (!duration.isZero()) {
				TimeUnit.NANOSECONDS.sleep(duration.toNanos());
			}
		}
		catch (InterruptedException ex) {
			synchronized (this) {
				this.resident.remove(card.name(), residency);
			}
			residency.ready.completeExceptionally(ex);
			throw ex;
		}
		residency.ready.complete(null);
	}

	private void awaitLoad(Residency residency) throws InterruptedException {
		try {
			residency.ready.get();
		}
		catch (ExecutionException ex) {
			synchronized (this) {
				residency.inUse--;
			}
			throw new InterruptedException("the simulator stopped while the model was loading");
		}
	}

	private void dropExpired(Instant now) {
		this.resident.values()
			.removeIf((residency) -> residency.inUse == 0 && residency.until != null && residency.until.isBefore(now)
					&& residency.loaded());
	}

	/** One model in memory or being loaded; guarded by the enclosing store. */
	private static final class Residency {

		final CompletableFuture<Void> ready = new CompletableFuture<>();

		final int contextLength;

		int inUse;

		Instant until;

		Residency(int contextLength) {
			this.contextLength = contextLength;
		}

		boolean loaded() {
			return this.ready.isDone() && !this.ready.isCompletedExceptionally();
		}

	}

}
