package io.llmfleet.simulator;

import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmfleet.simulator.fault.SimulatorFaults;
import io.llmfleet.simulator.http.SimulatedServer;
import io.llmfleet.simulator.ollama.OllamaServer;
import io.llmfleet.simulator.vllm.VllmServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Ollama server and a simulated vLLM server, both on 127.0.0.1, speaking each
 * backend's real HTTP API with made-up but deterministic answers paced by a
 * {@link LatencyModel}. Used by integration tests, by {@code fleet local} when no Ollama
 * runs, and by benchmarks. Each server injects the faults of its {@link SimulatorFaults},
 * set at start from the settings and changed at run time in process
 * ({@link #ollamaFaults()}, {@link #vllmFaults()}) or over HTTP ({@code /admin/faults}).
 * Lifecycle: {@link #start} binds and serves; {@link #close} stops both servers and
 * interrupts requests in flight. Thread-safe; requests are served concurrently on a
 * cached pool of daemon threads.
 */
public final class BackendSimulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(BackendSimulator.class);

	private final ExecutorService executor;

	private final SimulatedServer ollama;

	private final SimulatedServer vllm;

	private final SimulatorFaults ollamaFaults;

	private final SimulatorFaults vllmFaults;

	private BackendSimulator(ExecutorService executor, SimulatedServer ollama, SimulatedServer vllm,
			SimulatorFaults ollamaFaults, SimulatorFaults vllmFaults) {
		this.executor = executor;
		this.ollama = ollama;
		this.vllm = vllm;
		this.ollamaFaults = ollamaFaults;
		this.vllmFaults = vllmFaults;
	}

	/**
	 * Starts both servers.
	 * @param settings ports, models, latency, model loading and initial faults
	 * @return the running simulator
	 * @throws java.io.UncheckedIOException when a port cannot be bound
	 */
	public static BackendSimulator start(SimulatorSettings settings) {
		// a cached pool grows with demand: streamed requests hold their thread while
		// paced
		ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
		SimulatorFaults ollamaFaults = OllamaServer.newFaults();
		ollamaFaults.set(settings.ollamaFaults());
		SimulatorFaults vllmFaults = VllmServer.newFaults();
		vllmFaults.set(settings.vllmFaults());
		SimulatedServer ollama = null;
		try {
			ollama = SimulatedServer.start(settings.ollamaPort(), OllamaServer.router(settings, ollamaFaults),
					executor);
			SimulatedServer vllm = SimulatedServer.start(settings.vllmPort(), VllmServer.router(settings, vllmFaults),
					executor);
			logger.info("Backend simulator started: Ollama {} (models {}), vLLM {} (models {}), latency {}",
					ollama.baseUrl(), settings.ollamaModels(), vllm.baseUrl(), settings.vllmModels(),
					settings.latency());
			if (!settings.ollamaFaults().isEmpty() || !settings.vllmFaults().isEmpty()) {
				logger.info("Backend simulator injects faults: Ollama {}, vLLM {}", settings.ollamaFaults(),
						settings.vllmFaults());
			}
			return new BackendSimulator(executor, ollama, vllm, ollamaFaults, vllmFaults);
		}
		catch (RuntimeException ex) {
			if (ollama != null) {
				ollama.close();
			}
			executor.shutdownNow();
			throw ex;
		}
	}

	/**
	 * Where the simulated Ollama listens.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI ollamaBaseUrl() {
		return this.ollama.baseUrl();
	}

	/**
	 * Where the simulated vLLM listens; its OpenAI API is under {@code /v1}.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI vllmBaseUrl() {
		return this.vllm.baseUrl();
	}

	/**
	 * The faults the simulated Ollama injects; changes apply to the next request.
	 * @return the live fault set, shared with its {@code /admin/faults} endpoint
	 */
	public SimulatorFaults ollamaFaults() {
		return this.ollamaFaults;
	}

	/**
	 * The faults the simulated vLLM injects; changes apply to the next request.
	 * @return the live fault set, shared with its {@code /admin/faults} endpoint
	 */
	public SimulatorFaults vllmFaults() {
		return this.vllmFaults;
	}

	/**
	 * Stops both servers and interrupts requests still being answered. Idempotent.
	 */
	@Override
	public void close() {
		this.ollama.close();
		this.vllm.close();
		this.executor.shutdownNow();
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, "backend-simulator-" + count.incrementAndGet());
			// never keep a test JVM or the CLI alive just because a simulator was not
			// closed
			thread.setDaemon(true);
			return thread;
		};
	}

}
