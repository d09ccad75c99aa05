package io.llmfleet.simulator;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation, as both Ollama and the OpenAI API carry it.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text of the message
 */
public record ChatMessage(String role, String content) {

	public ChatMessage {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(content, "content");
	}

	/**
	 * The text generated answers quote: the content of the last user message, or of the
	 * last message when no user spoke.
	 * @param messages the conversation
	 * @return the content to quote, empty for an empty conversation
	 */
	public static String lastUserContent(List<ChatMessage> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			if ("user".equals(messages.get(i).role())) {
				return messages.get(i).content();
			}
		}
		return messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
	}

	/**
	 * All contents joined, the text that seeds generation.
	 * @param messages the conversation
	 * @return roles and contents, one message per line
	 */
	public static String transcript(List<ChatMessage> messages) {
		StringBuilder transcript = new StringBuilder();
		for (ChatMessage message : messages) {
			transcript.append(message.role()).append(": ").append(message.content()).append('\n');
		}
		return transcript.toString();
	}

}
