package io.llmfleet.simulator.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What goes wrong when a {@link Fault} fires. Each server answers in its backend's own
 * words; the README lists the exact replies.
 */
public enum FaultKind {

	/**
	 * The call fails with an error status (500 unless the fault names another, e.g. 503).
	 * With {@code afterChunks} a stream fails after that many chunks instead.
	 */
	ERROR,

	/**
	 * The model does not fit in memory: Ollama's 500 "model requires more system memory",
	 * vLLM's bare 500 of a dead engine. The Ollama model is unloaded.
	 */
	OUT_OF_MEMORY,

	/** The server is saturated: Ollama's 503 "server busy", vLLM's 503 (or 429). */
	OVERLOADED,

	/**
	 * The next model loads take {@code delay} longer (Ollama, only calls that load the
	 * model); on vLLM, which loads at start-up, the call's first token comes that much
	 * later.
	 */
	SLOW_LOAD,

	/**
	 * The call is accepted and never answered; the connection is dropped when the faults
	 * are cleared or replaced, when {@code delay} (if not zero) has passed, or when the
	 * simulator stops.
	 */
	HANG,

	/**
	 * The answer starts, then the connection drops: after {@code afterChunks} content
	 * chunks of a stream, or halfway through an unstreamed body.
	 */
	DISCONNECT;

	/**
	 * The name used in JSON and on the command line.
	 * @return e.g. {@code out_of_memory}
	 */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a wire name.
	 * @param name e.g. {@code slow_load} (case and dashes do not matter)
	 * @return the kind
	 * @throws IllegalArgumentException for an unknown name, listing the known ones
	 */
	public static FaultKind fromWireName(String name) {
		String normalized = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
		for (FaultKind kind : values()) {
			if (kind.name().equals(normalized)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown fault kind \"" + name + "\", expected one of "
				+ Arrays.stream(values()).map(FaultKind::wireName).collect(Collectors.joining(", ")));
	}

}
