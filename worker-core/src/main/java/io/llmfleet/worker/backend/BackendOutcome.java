package io.llmfleet.worker.backend;

import io.llmfleet.schemas.ErrorKind;

/**
 * How one backend call ended: a completion, or a failure whose kind decides what is next.
 */
public sealed interface BackendOutcome {

	/**
	 * The backend answered.
	 *
	 * @param output the generated text
	 * @param promptTokens tokens in the prompt, as the backend counted them
	 * @param completionTokens tokens generated
	 * @param timeToFirstTokenMs time to the first generated token when streamed, else
	 * null
	 * @param finishReason why generation stopped ({@code stop}, {@code length}), if known
	 * @param timings where the backend says its time went; {@link BackendTimings#NONE}
	 * when it does not
	 */
	record Completed(String output, int promptTokens, int completionTokens, Long timeToFirstTokenMs,
			String finishReason, BackendTimings timings) implements BackendOutcome {

		public Completed {
			timings = (timings != null) ? timings : BackendTimings.NONE;
		}

		/**
		 * A completion whose backend does not say where its time went.
		 * @param output the generated text
		 * @param promptTokens tokens in the prompt
		 * @param completionTokens tokens generated
		 * @param timeToFirstTokenMs time to the first generated token, or null
		 * @param finishReason why generation stopped, if known
		 */
		public Completed(String output, int promptTokens, int completionTokens, Long timeToFirstTokenMs,
				String finishReason) {
			this(output, promptTokens, completionTokens, timeToFirstTokenMs, finishReason, BackendTimings.NONE);
		}

	}

	/**
	 * The call failed.
	 *
	 * @param kind what kind of failure, which decides retry or dead letter
	 * @param message what went wrong, naming backend, model and request
	 */
	record Failed(ErrorKind kind, String message) implements BackendOutcome {
	}

	/**
	 * Where a backend says the time of one call went; each part null when it does not say
	 * (Ollama reports all of them, vLLM's API none).
	 *
	 * @param loadMs loading the model before the call could run
	 * @param promptEvalMs evaluating the prompt
	 * @param evalMs generating the answer
	 */
	record BackendTimings(Long loadMs, Long promptEvalMs, Long evalMs) {

		/** A backend that says nothing. */
		public static final BackendTimings NONE = new BackendTimings(null, null, null);

	}

}
