package io.llmfleet.worker.runtime;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.capacity.LoadingModels;

/**
 * Loads every served model before the worker takes work ({@code fleet.worker.warm-up}),
 * all at once, each within its backend's load timeout. Each model is reported as loading
 * while its warm-up runs. A model that fails to load is logged and served anyway: its
 * requests then fail with the backend's own error and are re-routed.
 */
final class WarmUp {

	private static final Logger logger = LoggerFactory.getLogger(WarmUp.class);

	private WarmUp() {
	}

	/**
	 * Warms every model up and returns when all are done.
	 * @param workerId the worker, for logs
	 * @param backend the backend
	 * @param models the served models
	 * @param loading where models are marked as loading
	 */
	static void run(String workerId, Backend backend, List<Model> models, LoadingModels loading) {
		models.forEach((model) -> loading.started(model.id()));
		// a thread per model: each blocks on its backend call for as long as a load
		// takes,
		// which the common pool's few threads are not for
		List<Thread> warmUps = models.stream()
			.map((model) -> new Thread(() -> warmUp(workerId, backend, model, loading), "warm-up-" + model.id()))
			.toList();
		warmUps.forEach(Thread::start);
		for (Thread warmUp : warmUps) {
			try {
				warmUp.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				warmUps.forEach(Thread::interrupt);
				return;
			}
		}
	}

	private static void warmUp(String workerId, Backend backend, Model model, LoadingModels loading) {
		long start = System.nanoTime();
		try {
			Optional<BackendOutcome.Failed> failed = backend.warmUp(model);
			long ms = (System.nanoTime() - start) / 1_000_000;
			if (failed.isPresent()) {
				logger.warn("Worker {} could not warm up {} in {} ms: {} {}; next: serve it anyway", workerId,
						model.id(), ms, failed.get().kind(), failed.get().message());
			}
			else {
				logger.info("Worker {} warmed up {} ({}) in {} ms", workerId, model.id(), model.backendModel(), ms);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Worker {} could not warm up {}: {}; next: serve it anyway", workerId, model.id(),
					ex.toString());
		}
		finally {
			loading.finished(model.id());
		}
	}

}
