package io.llmfleet.simulator;

import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link BackendSimulator} needs to start: where each server listens, which
 * models each one serves, how fast it answers and how long its answers are. Immutable;
 * the {@code with...} methods return modified copies.
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
 */
public record SimulatorSettings(int ollamaPort, int vllmPort, List<String> ollamaModels, List<String> vllmModels,
		LatencyModel latency, int defaultMaxTokens, int maxModelLen) {

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
	}

	/**
	 * Settings with the default context window of {@value #DEFAULT_MAX_MODEL_LEN} tokens.
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
	 * Ephemeral ports, two Ollama models, two vLLM models, realistic latency, 48-token
	 * answers.
	 * @return settings that work out of the box for tests and demos
	 */
	public static SimulatorSettings defaults() {
		return new SimulatorSettings(0, 0, List.of("llama3.2:3b", "qwen2.5-coder:7b"),
				List.of("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct"), LatencyModel.realistic(), 48,
				DEFAULT_MAX_MODEL_LEN);
	}

	public SimulatorSettings withOllamaPort(int port) {
		return new SimulatorSettings(port, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen);
	}

	public SimulatorSettings withVllmPort(int port) {
		return new SimulatorSettings(this.ollamaPort, port, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen);
	}

	public SimulatorSettings withOllamaModels(List<String> models) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, models, this.vllmModels, this.latency,
				this.defaultMaxTokens, this.maxModelLen);
	}

	public SimulatorSettings withVllmModels(List<String> models) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, models, this.latency,
				this.defaultMaxTokens, this.maxModelLen);
	}

	public SimulatorSettings withLatency(LatencyModel latency) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, latency,
				this.defaultMaxTokens, this.maxModelLen);
	}

	public SimulatorSettings withDefaultMaxTokens(int tokens) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				tokens, this.maxModelLen);
	}

	public SimulatorSettings withMaxModelLen(int tokens) {
		return new SimulatorSettings(this.ollamaPort, this.vllmPort, this.ollamaModels, this.vllmModels, this.latency,
				this.defaultMaxTokens, tokens);
	}

	private static void checkPort(String name, int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException(name + " must be between 0 and 65535 but was " + port);
		}
	}

}
