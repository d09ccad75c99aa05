package io.llmfleet.simulator;

import java.util.List;
import java.util.Objects;

/**
 * A generated answer, already cut into the token pieces the servers stream one by one.
 *
 * @param tokens the pieces, in order; their concatenation is the answer
 * @param finishReason why the answer ended
 */
public record Completion(List<String> tokens, FinishReason finishReason) {

	public Completion {
		tokens = List.copyOf(tokens);
		Objects.requireNonNull(finishReason, "finishReason");
	}

	/**
	 * The whole answer.
	 * @return the pieces joined
	 */
	public String text() {
		return String.join("", this.tokens);
	}

	/**
	 * The completion token count reported as {@code eval_count} /
	 * {@code completion_tokens}.
	 * @return the number of pieces
	 */
	public int tokenCount() {
		return this.tokens.size();
	}

}
