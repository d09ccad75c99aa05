package io.llmfleet.simulator.ollama;

import java.util.Locale;

import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.simulator.fault.FaultKind;

/**
 * How the simulated Ollama words an injected fault, following what Ollama's server
 * answers: a full queue is 503 {@code "server busy, please try again.  maximum pending
 * requests exceeded"} (its {@code ErrMaxQueue}), a model that does not fit is 500
 * {@code "model requires more system memory (X GiB) than is available (Y GiB)"}, and
 * other failures are 500 with the runner's error.
 */
final class OllamaFaultReplies {

	/** Ollama's {@code ErrMaxQueue}, two spaces included. */
	static final String BUSY = "server busy, please try again.  maximum pending requests exceeded";

	/** What Ollama answers when its llama runner crashed. */
	static final String RUNNER_TERMINATED = "llama runner process has terminated: exit status 2";

	private static final double GIB = 1024.0 * 1024 * 1024;

	private OllamaFaultReplies() {
	}

	/**
	 * The HTTP status of a refusing fault.
	 * @param fault an error, out-of-memory or overloaded fault
	 * @return the fault's status, or 503 for overload and 500 otherwise
	 */
	static int status(Fault fault) {
		return fault.statusOr((fault.kind() == FaultKind.OVERLOADED) ? 503 : 500);
	}

	/**
	 * The error message of a refusing fault.
	 * @param fault an error, out-of-memory or overloaded fault
	 * @param card the model the call named
	 * @return the fault's message, or Ollama's wording for its kind and status
	 */
	static String message(Fault fault, ModelCard card) {
		return fault.messageOr(switch (fault.kind()) {
			case OUT_OF_MEMORY -> outOfMemory(card);
			case OVERLOADED -> BUSY;
			default -> (status(fault) == 503) ? BUSY : RUNNER_TERMINATED;
		});
	}

	// the simulated host has half the memory the model needs
	private static String outOfMemory(ModelCard card) {
		double required = card.vramSize() / GIB;
		return String.format(Locale.ROOT, "model requires more system memory (%.1f GiB) than is available (%.1f GiB)",
				required, required / 2);
	}

}
