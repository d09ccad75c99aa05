package io.llmfleet.simulator;

import java.util.List;
import java.util.Objects;

/**
 * What an answer is generated from, independent of which API asked for it.
 *
 * @param quote the text the answer quotes (the last user message)
 * @param prompt the whole prompt; with {@code seed} it fixes the answer
 * @param seed the request's sampling seed, 0 when it gave none
 * @param maxTokens the request's cap on completion tokens, 0 or less for none
 * @param stop stop sequences; the answer ends before the first one it contains
 */
public record GenerationRequest(String quote, String prompt, long seed, int maxTokens, List<String> stop) {

	public GenerationRequest {
		Objects.requireNonNull(quote, "quote");
		Objects.requireNonNull(prompt, "prompt");
		stop = List.copyOf(stop);
	}

	/**
	 * A chat request without seed, cap or stop sequences.
	 * @param messages the conversation
	 * @return the request
	 */
	public static GenerationRequest ofChat(List<ChatMessage> messages) {
		return new GenerationRequest(ChatMessage.lastUserContent(messages), ChatMessage.transcript(messages), 0, 0,
				List.of());
	}

	public GenerationRequest withSeed(long seed) {
		return new GenerationRequest(this.quote, this.prompt, seed, this.maxTokens, this.stop);
	}

	public GenerationRequest withMaxTokens(int maxTokens) {
		return new GenerationRequest(this.quote, this.prompt, this.seed, maxTokens, this.stop);
	}

	public GenerationRequest withStop(List<String> stop) {
		return new GenerationRequest(this.quote, this.prompt, this.seed, this.maxTokens, stop);
	}

}
