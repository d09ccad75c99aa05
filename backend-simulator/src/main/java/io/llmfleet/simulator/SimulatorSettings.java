package io.llmfleet.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.llmfleet.simulator.fault.Fault;

/**
 * Everything a {@link BackendSimulator} needs to start: where each server listens, which
 * models each one serves, how fast it answers, how long its answers are, how Ollama loads
 * models and which faults each server starts with. Immutable; the {@code with...} methods
 * return modified copies.
 *
 * @param ollamaPort port of the simulated Ollama server, 0 for an ephemeral one
 * @param vllmPort port of the simulated vLLM server, 0 for an ephemeral one
 * @param ollamaModels model names the Ollama server has "pulled" (e.g.
 * {@code llama3.2:3b})
 * @param vllmModels served model names of the vLLM server (e.g.
 * {@code meta-llama/Llama-3.1-8B-Instruct})
 * @param latency pacing of every response
 * @param defaultMaxTokens length of an answer that no
 * {@code max_tokens}/{@code num_predict} cuts short; such answers end with finish reason
 * {@code stop}
 * @param maxModelLen context window of every vLLM model (prompt plus completion tokens),
 * as vLLM's {@code --max-model-len}
 * @param ollamaLoadTime how long the simulated Ollama takes to load a model into VRAM on
 * its first use (reported as {@code load_duration})
 * @param modelVram bytes an Ollama model takes in VRAM once loaded
 * ({@code /api/ps size_vram}), by model name; unnamed models get about 0.72 bytes per
 * parameter (a 7B model: about 5 GB)
 * @param ollamaFaults faults the Ollama server starts with
 * @param vllmFaults faults the vLLM server starts with
 */
public record SimulatorSettings(int ollamaPort, int vllmPort, List<String> ollamaModels, List<String> vllmModels,
		LatencyModel latency, int defaultMaxTokens, int maxModelLen, Duration ollamaLoadTime,
		Map<String, Long> modelVram, List<Fault> ollamaFaults, List<Fault> vllmFaults) {

	/** Context window used when none is given, a common {@code --max-model-len}. */
	public static final int DEFAULT_MAX_MODEL_LEN = 8192;

	public SimulatorSettings {
		checkPort("ollamaPort", ollamaPort);
		checkPort("vllmPort", vllmPort);
		ollamaModels = List.copyOf(Objects.requireNonNull(ollamaModels, "ollamaModels"));
		vllmModels = List.copyOf(Objects.requireNonNull(vllmModels, "vllmModels"));
		Objects.requireNonNull(latency, "latency");
		if (defaultMaxTokens <= 0) {
			throw new IllegalArgumentException("defaultMaxTokens must be positive but was " + defaultMaxTokens);
		}
		if (maxModelLen <= 0) {
			throw new IllegalArgumentException("maxModelLen must be positive but was " + maxModelLen);
		}
		Objects.requireNonNull(ollamaLoadTime, "ollamaLoadTime");
		if (ollamaLoadTime.isNegative()) {
			throw new IllegalArgumentException("ollamaLoadTime must not be negative but was " + ollamaLoadTime);
		}
		modelVram = Map.copyOf(Objects.requireNonNull(modelVram, "modelVram"));
		modelVram.forEach((model, bytes) -> {
			if (bytes <= 0) {
				throw new IllegalArgumentException("VRAM size of " + model + " must be positive but was " + bytes);
			}
		});
		ollamaFaults = List.copyOf(Objects.requireNonNull(ollamaFaults, "ollamaFaults"));
		vllmFaults = List.copyOf(Objects.requireNonNull(vllmFaults, "vllmFaults"));
	}

	/**
	 * Settings with the default context window of {@value #DEFAULT_MAX_MODEL_LEN} tokens,
	 * instant model loads and no faults.
	 * @param ollamaPort port of the simulated Ollama server, 0 for an ephemeral one
	 * @param vllmPort port of the simulated vLLM server, 0 for an ephemeral one
	 * @param ollamaModels model names the Ollama server serves
	 * @param vllmModels model names the vLLM server serves
	 * @param latency pacing of every response
	 * @param defaultMaxTokens length of an answer nothing cuts short
	 */
	public SimulatorSettings(int ollamaPort, int vllmPort, List<String> ollamaModels, List<String> vllmModels,
			LatencyModel latency, int defaultMaxTokens) {
		this(ollamaPort, vllmPort, ollamaModels, vllmModels, latency, defaultMaxTokens, DEFAULT_MAX_MODEL_LEN);
	}

	/**
	 * Settings with instant model loads, derived VRAM sizes and no faults.
	 * @param ollamaPort port of the simulated Ollama server, 0 for an ephemeral one
	 * @param vllmPort port of the simulated vLLM server, 0 for an ephemeral one
	 * @param ollamaModels model names the Ollama server serves
	 * @param vllmModels model names the vLLM server serves
	 * @param latency pacing of every response
	 * @param defaultMaxTokens length of an answer nothing cuts short
	 * @param maxModelLen context window of every vLLM model
	 */
	public SimulatorSettings(int ollamaPort, int vllmPort, List<String> ollamaModels, List<String> vllmModels,
			LatencyModel latency, int defaultMaxTokens, int maxModelLen) {
		this(ollamaPort, vllmPort, ollamaModels, vllmModels, latency, defaultMaxTokens, maxModelLen, Duration.ZERO,
				Map.of(), List.of(), List.of());
	}

	/**
	 * Ephemeral ports, two Ollama models, two vLLM models, realistic latency, 48-token
	 * answers, instant model loads and no faults.
	 * @return settings that work out of the box for tests and demos
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings(0, 0, List.of("llama3.2:3b", "qwen2.5-coder:7b"),
				List.of("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct"), LatencyModel.realistic(), 48,
				DEFAULT_MAX_MODEL_LEN);
	}

	public SimulatorSettings withOllamaPort(int port) {
		return new SimulatorSettings(port, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults,
				this.vllmFaults);
	}

	public SimulatorSettings withVllmPort(int port) {
		return new SimulatorSettings(this.ollamaPort, port, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults,
				this.vllmFaults);
	}

	public SimulatorSettings withOllamaModels(List<String> models) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, models, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults,
				this.vllmFaults);
	}

	public SimulatorSettings withVllmModels(List<String> models) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, models, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults,
				this.vllmFaults);
	}

	public SimulatorSettings withLatency(LatencyModel latency) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults,
				this.vllmFaults);
	}

	public SimulatorSettings withDefaultMaxTokens(int tokens) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				tokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults, this.vllmFaults);
	}

	public SimulatorSettings withMaxModelLen(int tokens) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, tokens, this.ollamaLoadTime, this.modelVram, this.ollamaFaults, this.vllmFaults);
	}

	/**
	 * Sets how long the simulated Ollama takes to load a model.
	 * @param loadTime the load time, zero for instant loads
	 * @return the modified copy
	 */
	public SimulatorSettings withOllamaLoadTime(Duration loadTime) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, loadTime, this.modelVram, this.ollamaFaults, this.vllmFaults);
	}

	/**
	 * Sets the VRAM size of one Ollama model, keeping the others.
	 * @param model the model name (with or without tag)
	 * @param bytes bytes it takes in VRAM once loaded
	 * @return the modified copy
	 */
	public SimulatorSettings withModelVram(String model, long bytes) {
		Map<String, Long> vram = new HashMap<>(this.modelVram);
		vram.put(Objects.requireNonNull(model, "model"), bytes);
		return withModelVram(vram);
	}

	/**
	 * Sets the VRAM sizes of Ollama models, replacing those set before.
	 * @param vram bytes in VRAM by model name
	 * @return the modified copy
	 */
	public SimulatorSettings withModelVram(Map<String, Long> vram) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, vram, this.ollamaFaults, this.vllmFaults);
	}

	/**
	 * Sets the faults the Ollama server starts with.
	 * @param faults the faults, in the order they are offered calls
	 * @return the modified copy
	 */
	public SimulatorSettings withOllamaFaults(Fault... faults) {
		return withOllamaFaults(Arrays.asList(faults));
	}

	public SimulatorSettings withOllamaFaults(List<Fault> faults) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, faults, this.vllmFaults);
	}

	/**
	 * Sets the faults the vLLM server starts with.
	 * @param faults the faults, in the order they are offered calls
	 * @return the modified copy
	 */
	public SimulatorSettings withVllmFaults(Fault... faults) {
		return withVllmFaults(Arrays.asList(faults));
	}

	public SimulatorSettings withVllmFaults(List<Fault> faults) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen, this.ollamaLoadTime, this.modelVram, this.ollamaFaults,
				faults);
	}

	private static void checkPort(String name, int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 0 and 65535 but was " + port);
		}
	}

}
