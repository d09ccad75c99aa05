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
	 */
	record Completed(String output, int promptTokens, int completionTokens, Long timeToFirstTokenMs,
			String finishReason) implements BackendOutcome {
	}

	/**
	 * The call failed.
	 *
	 * @param kind what kind of failure, which decides retry or dead letter
	 * @param message what went wrong, naming backend, model and request
	 */
	record Failed(ErrorKind kind, String message) implements BackendOutcome {
	}

}
