package io.llmfleet.cli.local;

import java.nio.file.Path;
import java.util.List;

import io.llmfleet.simulator.LatencyModel;

/**
 * How to start a {@link LocalFleet}.
 *
 * @param dataDir where the broker keeps its data (kept across restarts)
 * @param kafkaPort the broker's port; 0 picks a free one
 * @param registryPort the registry's port; 0 picks a free one
 * @param simulateBackends use the simulator even where a real backend answers
 * @param latency the simulator's latency model
 * @param extraArguments further Spring arguments for every service ({@code --key=value})
 * @param workers whether to start the default Ollama and vLLM workers (tests that start
 * their own say no)
 * @param actuator whether every service serves its actuator (health, Prometheus) over
 * HTTP, each on a free port
 */
public record LocalFleetSettings(Path dataDir, int kafkaPort, int registryPort, boolean simulateBackends,
		LatencyModel latency, List<String> extraArguments, boolean workers, boolean actuator) {

	public LocalFleetSettings {
		extraArguments = List.copyOf(extraArguments);
	}

	/**
	 * The standard ports (9092, 8081), data under {@code .fleet/}, realistic simulated
	 * latency.
	 */
	public static LocalFleetSettings defaults() {
		return new LocalFleetSettings(LocalFleet.defaultDataDir(), 9092, 8081, false, LatencyModel.realistic(),
				List.of(), true, false);
	}

	/**
	 * Free ports and a private data directory: for tests and demos beside a running
	 * fleet.
	 */
	public static LocalFleetSettings isolated(Path dataDir) {
		return new LocalFleetSettings(dataDir, 0, 0, true, LatencyModel.realistic(), List.of(), true, false);
	}

	public LocalFleetSettings withLatency(LatencyModel latency) {
		return new LocalFleetSettings(this.dataDir, this.kafkaPort, this.registryPort, this.simulateBackends, latency,
				this.extraArguments, this.workers, this.actuator);
	}

	public LocalFleetSettings withExtraArguments(List<String> arguments) {
		return new LocalFleetSettings(this.dataDir, this.kafkaPort, this.registryPort, this.simulateBackends,
				this.latency, arguments, this.workers, this.actuator);
	}

	/** The same fleet with every service's actuator served over HTTP. */
	public LocalFleetSettings withActuator() {
		return new LocalFleetSettings(this.dataDir, this.kafkaPort, this.registryPort, this.simulateBackends,
				this.latency, this.extraArguments, this.workers, true);
	}

	/** The same fleet without the default workers: the caller starts its own. */
	public LocalFleetSettings withoutWorkers() {
		return new LocalFleetSettings(this.dataDir, this.kafkaPort, this.registryPort, this.simulateBackends,
				this.latency, this.extraArguments, false, this.actuator);
	}

}
