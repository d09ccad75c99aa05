package io.llmfleet.simulator.ollama;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one difference between {@code /api/chat} and {@code /api/generate} replies: chat
 * wraps text in a {@code message}, generate puts it in {@code response} and adds a
 * {@code context}.
 */
interface ReplyShape {

	/** Replies of {@code /api/chat}. */
	ReplyShape CHAT = new ReplyShape() {

		@Override
		public Object chunk(String model, String text, OllamaApi.Stats stats) {
			return new OllamaApi.ChatChunk(model, now(), OllamaApi.Message.assistant(text), stats != null, stats);
		}

	};

	/** Replies of {@code /api/generate}. */
	ReplyShape GENERATE = new ReplyShape() {

		@Override
		public Object chunk(String model, String text, OllamaApi.Stats stats) {
			List<Integer> context = (stats != null && stats.evalCount() != null) ? context(stats) : null;
			return new OllamaApi.GenerateChunk(model, now(), text, stats != null, context, stats);
		}

	};

	/**
	 * One reply object.
	 * @param model the model name as the client wrote it
	 * @param text the text of this chunk, the whole answer when not streamed, empty for a
	 * streamed final chunk
	 * @param stats the statistics of a final chunk, null for any other chunk
	 * @return the object to serialise
	 */
	Object chunk(String model, String text, OllamaApi.Stats stats);

	private static String now() {
		return Instant.now().toString();
	}

	// stand-in token ids: Ollama returns the encoded conversation here (deprecated field)
	private static List<Integer> context(OllamaApi.Stats stats) {
		int size = stats.promptEvalCount() + stats.evalCount();
		List<Integer> context = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			context.add(1 + i);
		}
		return context;
	}

}
