package io.llmfleet.worker.vllm.api;

import java.time.Duration;

import io.llmfleet.worker.backend.http.BackendHttpException;
import io.llmfleet.worker.backend.http.StreamingHttp;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Adds up the server-sent events of one streamed chat completion into a
 * {@link VllmChat.Answer} as they arrive, noting when the first piece of text came. Reads
 * only {@code data:} lines and stops at {@code data: [DONE]}. One instance per call.
 */
final class ChatStreamReader implements StreamingHttp.LineReader<VllmChat.Answer> {

	private static final String DATA = "data:";

	private static final String DONE = "[DONE]";

	private final long startNanos;

	private final StringBuilder content = new StringBuilder();

	private long firstTokenNanos = -1;

	private String finishReason;

	private VllmChat.Usage usage;

	private boolean done;

	private BackendHttpException error;

	ChatStreamReader(long startNanos) {
		this.startNanos = startNanos;
	}

	@Override
	public void onLine(String line) {
		// blank lines end events; id:, event:, retry: and comments carry nothing this
		// reads
		if (!line.startsWith(DATA) || this.error != null || this.done) {
			return;
		}
		String data = line.substring(DATA.length()).trim();
		if (data.equals(DONE)) {
			this.done = true;
			return;
		}
		JsonNode event = ErrorBodies.parse(data);
		if (event == null) {
			this.error = BackendHttpException.inStream("malformed event: " + ErrorBodies.abbreviate(data));
			return;
		}
		String message = ErrorBodies.message(event);
		if (message != null) {
			this.error = BackendHttpException.inStream(ErrorBodies.code(event, 200), message);
			return;
		}
		try {
			add(VllmChat.MAPPER.treeToValue(event, VllmChat.Chunk.class));
		}
		catch (JacksonException ex) {
			this.error = BackendHttpException.inStream("malformed event: " + ErrorBodies.abbreviate(data));
		}
	}

	private void add(VllmChat.Chunk chunk) {
		if (chunk.usage() != null) {
			this.usage = chunk.usage();
		}
		if (chunk.choices() == null) {
			return;
		}
		for (VllmChat.ChunkChoice choice : chunk.choices()) {
			// the worker asks for one choice; anything else is not part of its answer
			if (choice.index() != 0) {
				continue;
			}
			if (choice.delta() != null && choice.delta().content() != null && !choice.delta().content().isEmpty()) {
				if (this.firstTokenNanos < 0) {
					this.firstTokenNanos = System.nanoTime();
				}
				this.content.append(choice.delta().content());
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
			}
		}
	}

	/**
	 * The answer, once the stream has ended.
	 * @return the answer
	 * @throws BackendHttpException when the stream held an error event or ended before
	 * {@code data: [DONE]}
	 */
	@Override
	public VllmChat.Answer result() {
		if (this.error != null) {
			throw this.error;
		}
		if (!this.done) {
			throw BackendHttpException.inStream("stream ended before data: [DONE]");
		}
		Duration timeToFirstToken = (this.firstTokenNanos < 0) ? null
				: Duration.ofNanos(this.firstTokenNanos - this.startNanos);
		int promptTokens = (this.usage != null) ? this.usage.promptTokens() : 0;
		int completionTokens = (this.usage != null) ? this.usage.completionTokens() : 0;
		return new VllmChat.Answer(this.content.toString(), promptTokens, completionTokens, this.finishReason,
				timeToFirstToken);
	}

}
