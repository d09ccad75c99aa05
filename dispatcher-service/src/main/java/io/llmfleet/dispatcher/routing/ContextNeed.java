package io.llmfleet.dispatcher.routing;

/**
 * The context window a request needs: its prompt plus the completion it may generate.
 *
 * @param promptTokens estimated prompt tokens
 * @param maxTokens the completion's limit, the request's {@code max_tokens} or the
 * configured default
 * @param atLeast a floor on the window, above the context of a model that already refused
 * the request as too long
 */
public record ContextNeed(int promptTokens, int maxTokens, int atLeast) {

	/** Tokens a model's context must hold. */
	public int total() {
		return Math.max(this.promptTokens + this.maxTokens, this.atLeast);
	}

	/** The same need, above a context that proved too small. */
	public ContextNeed above(int tooSmall) {
		return new ContextNeed(this.promptTokens, this.maxTokens, Math.max(this.atLeast, tooSmall + 1));
	}

	@Override
	public String toString() {
		return total() + " tokens (" + this.promptTokens + " prompt + " + this.maxTokens + " max_tokens"
				+ ((this.atLeast > this.promptTokens + this.maxTokens) ? ", more than a context that refused it" : "")
				+ ")";
	}

}
