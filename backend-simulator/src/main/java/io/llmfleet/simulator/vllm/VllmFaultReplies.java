package io.llmfleet.simulator.vllm;

import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.simulator.fault.FaultKind;
import io.llmfleet.simulator.http.HttpError;

/**
 * How the simulated vLLM words an injected fault, following vLLM's OpenAI-compatible
 * server: a full queue is 503 {@code ServiceUnavailableError} (what
 * {@code --max-num-queued-reqs} answers; a fault may ask for 429 instead), an internal
 * failure is 500 {@code InternalServerError} "Internal server error", and an engine that
 * ran out of GPU memory dies, after which the server answers a bare 500 with an empty
 * body. Errors after a stream started are one more event, {@code data: {"error": {...}}},
 * then {@code data: [DONE]}.
 */
final class VllmFaultReplies {

	/** The message of a refused request when the queue is full (wording is ours). */
	static final String OVERLOADED = "The server is overloaded: too many requests are queued. Please retry later.";

	/** vLLM's message for a request that failed inside the engine. */
	static final String INTERNAL = "Internal server error";

	/** vLLM's message once its engine core died. */
	static final String ENGINE_DEAD = "EngineCore encountered an issue. See stack trace (above) for the root cause.";

	private VllmFaultReplies() {
	}

	/**
	 * The refusal of a call before it is scheduled.
	 * @param fault an error, out-of-memory or overloaded fault
	 * @return the error to throw
	 */
	static HttpError refusal(Fault fault) {
		if (fault.kind() == FaultKind.OUT_OF_MEMORY && fault.message() == null) {
			return HttpError.withoutBody(fault.statusOr(500), "engine died: CUDA out of memory");
		}
		return HttpError.of(status(fault), message(fault));
	}

	/**
	 * The error event of a stream that fails after it started.
	 * @param fault an error or out-of-memory fault
	 * @return the event body
	 */
	static VllmApi.StreamError streamError(Fault fault) {
		return new VllmApi.StreamError(VllmApi.Error.of(status(fault), message(fault)));
	}

	private static int status(Fault fault) {
		return fault.statusOr((fault.kind() == FaultKind.OVERLOADED) ? 503 : 500);
	}

	private static String message(Fault fault) {
		return fault.messageOr(switch (fault.kind()) {
			case OVERLOADED -> OVERLOADED;
			case OUT_OF_MEMORY -> ENGINE_DEAD;
			default -> (status(fault) == 503 || status(fault) == 429) ? OVERLOADED : INTERNAL;
		});
	}

}
