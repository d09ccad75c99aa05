package io.llmfleet.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code fleet bench} runs and how much of it.
 *
 * @param dataDir where the brokers keep their data and the services their log
 * @param phases the phases to run
 * @param rounds rounds each latency and throughput figure of the transaction phases is
 * measured in, the targets taking turns in each
 * @param warmup requests sent before the timed ones of a latency run
 * @param samples requests timed in a latency run, one in flight, over all rounds
 * @param throughputWarmup requests sent before the counted ones of a throughput run
 * @param throughputCount requests counted in a throughput run, over all rounds
 * @param window the most requests in flight in a throughput run
 * @param pin a catalogue model every fleet request pins (it is still classified), or null
 * to let the classifier's tier decide
 * @param maxTokens {@code max_tokens} of every fleet request (the simulator's answer
 * length), or 0 for the backend's default
 * @param scalingWorkers worker counts the scaling phase measures, ascending
 * @param scalingModel the one model the scaling phase's requests pin
 * @param scalingPartitions partitions of the model topics in the scaling phase, or 0 for
 * the configured default
 * @param scalingLatency how long the simulator takes to answer in the scaling phase
 * @param scalingWarmup requests sent before the counted ones at each worker count
 * @param scalingCount requests counted at each worker count
 * @param scalingWindow the most requests in flight in the scaling phase
 * @param memoryCount requests sent through the services in their own JVMs before their
 * memory is read
 * @param serviceJvmOptions options for the services' own JVMs in the memory phase
 * @param serviceArguments Spring arguments every in-process service gets (logging)
 * @param runTimeout the longest one measured run may take
 */
public record BenchSettings(Path dataDir, Set<Phase> phases, int rounds, int warmup, int samples, int throughputWarmup,
		int throughputCount, int window, String pin, int maxTokens, List<Integer> scalingWorkers, String scalingModel,
		int scalingPartitions, Duration scalingLatency, int scalingWarmup, int scalingCount, int scalingWindow,
		int memoryCount, List<String> serviceJvmOptions, List<String> serviceArguments, Duration runTimeout) {

	public BenchSettings {
		phases = phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases);
		scalingWorkers = scalingWorkers.stream().sorted().distinct().toList();
		serviceJvmOptions = List.copyOf(serviceJvmOptions);
		serviceArguments = List.copyOf(serviceArguments);
		positive("rounds", rounds);
		positive("samples", samples);
		positive("throughput count", throughputCount);
		positive("window", window);
		positive("scaling count", scalingCount);
		positive("scaling window", scalingWindow);
		positive("memory count", memoryCount);
		for (int workers : scalingWorkers) {
			positive("scaling workers", workers);
		}
		if (warmup < 0 || throughputWarmup < 0 || scalingWarmup < 0) {
			throw new IllegalArgumentException("Warm-up counts must not be negative");
		}
	}

	private static void positive(String what, int value) {
		if (value <= 0) {
			throw new IllegalArgumentException(what + " must be positive but was " + value);
		}
	}

	/** The parts of a bench run. */
	public enum Phase {

		/** Raw chain and fleet with transactions off: the targets' comparison. */
		TRANSACTIONS_OFF,

		/** Raw chain, raw chain with transactions, and the fleet with transactions on. */
		TRANSACTIONS_ON,

		/** Throughput of one model with 1, 2, 4 workers and a slow backend. */
		SCALING,

		/** Each service in its own JVM, its resident memory after a run. */
		MEMORY

	}

}
