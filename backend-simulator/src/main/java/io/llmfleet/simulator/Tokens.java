package io.llmfleet.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulator's stand-in for a tokenizer: about four characters per token, split on
 * whitespace and punctuation. Both servers count prompts with it and stream generated
 * text in its pieces, so usage figures, streamed chunks and context-length checks always
 * agree.
 *
 * <p>
 * Rules: a run of letters or digits is cut into pieces of at most
 * {@value #MAX_WORD_PIECE} characters; every other visible character is a piece of its
 * own; whitespace sticks to the front of the piece after it (as in byte-level BPE
 * vocabularies). Concatenating the pieces gives back the text exactly.
 */
public final class Tokens {

	/** Longest run of letters or digits that counts as one token. */
	public static final int MAX_WORD_PIECE = 4;

	/**
	 * Template tokens a chat message costs besides its content (role markers,
	 * separators).
	 */
	public static final int CHAT_MESSAGE_OVERHEAD = 4;

	private Tokens() {
	}

	/**
	 * Cuts text into token pieces.
	 * @param text any text, may be empty
	 * @return the pieces, whose concatenation equals {@code text}
	 */
	public static List<String> split(String text) {
		List<String> pieces = new ArrayList<>();
		int length = text.length();
		int start = 0;
		int i = 0;
		while (i < length) {
			while (i < length && Character.isWhitespace(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			if (i == length) {
				// trailing whitespace has nothing to stick to, so it is a piece of its
				// own
				pieces.add(text.substring(start, i));
				break;
			}
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			if (Character.isLetterOrDigit(codePoint)) {
				int letters = 1;
				while (i < length && letters < MAX_WORD_PIECE && Character.isLetterOrDigit(text.codePointAt(i))) {
					i += Character.charCount(text.codePointAt(i));
					letters++;
				}
			}
			pieces.add(text.substring(start, i));
			start = i;
		}
		return pieces;
	}

	/**
	 * Counts the tokens of a text.
	 * @param text any text, may be empty
	 * @return the number of pieces {@link #split(String)} returns
	 */
	public static int count(String text) {
		return split(text).size();
	}

	/**
	 * Counts the prompt tokens of a chat: each message's content plus
	 * {@value #CHAT_MESSAGE_OVERHEAD} template tokens.
	 * @param messages the conversation
	 * @return the prompt token count reported as {@code prompt_eval_count} /
	 * {@code prompt_tokens}
	 */
	public static int countChat(List<ChatMessage> messages) {
		int total = 0;
		for (ChatMessage message : messages) {
			total += count(message.content()) + CHAT_MESSAGE_OVERHEAD;
		}
		return total;
	}

}
