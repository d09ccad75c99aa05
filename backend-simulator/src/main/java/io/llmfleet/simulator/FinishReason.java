package io.llmfleet.simulator;

/**
 * Why a generated answer ended; both APIs use the same two words on the wire.
 */
public enum FinishReason {

	/** The answer ended on its own or hit a stop sequence. */
	STOP("stop"),

	/** The answer was cut at the requested maximum number of tokens. */
	LENGTH("length");

	private final String wireName;

	FinishReason(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The value of Ollama's {@code done_reason} and OpenAI's {@code finish_reason}.
	 * @return {@code stop} or {@code length}
	 */
	public String wireName() {
		return this.wireName;
	}

}
