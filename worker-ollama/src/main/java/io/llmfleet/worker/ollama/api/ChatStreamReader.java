package io.llmfleet.worker.ollama.api;

import java.time.Duration;

import io.llmfleet.worker.backend.http.BackendHttpException;
import io.llmfleet.worker.backend.http.StreamingHttp;
import tools.jackson.core.JacksonException;

/**
 * Adds up the NDJSON lines of one {@code /api/chat} stream into an
 * {@link OllamaChat.Answer} as they arrive, noting when the first piece of text came. One
 * instance per call.
 */
final class ChatStreamReader implements StreamingHttp.LineReader<OllamaChat.Answer> {

	private static final int QUOTED_LINE_CHARS = 200;

	private final long startNanos;

	private final StringBuilder content = new StringBuilder();

	private long firstTokenNanos = -1;

	private OllamaChat.Chunk last;

	private String error;

	ChatStreamReader(long startNanos) {
		this.startNanos = startNanos;
	}

	@Override
	public void onLine(String line) {
		if (line.isBlank() || this.error != null || this.last != null) {
			return;
		}
		OllamaChat.Chunk chunk;
		try {
			chunk = OllamaChat.MAPPER.readValue(line, OllamaChat.Chunk.class);
		}
		catch (JacksonException ex) {
			this.error = "malformed stream line: " + abbreviate(line);
			return;
		}
		if (chunk.error() != null) {
			this.error = chunk.error();
			return;
		}
		if (chunk.message() != null && chunk.message().content() != null && !chunk.message().content().isEmpty()) {
			if (this.firstTokenNanos < 0) {
				this.firstTokenNanos = System.nanoTime();
			}
			this.content.append(chunk.message().content());
		}
		if (chunk.done()) {
			this.last = chunk;
		}
	}

	/**
	 * The answer, once the stream has ended.
	 * @return the answer
	 * @throws BackendHttpException when the stream held an error line or ended before its
	 * final chunk
	 */
	@Override
	public OllamaChat.Answer result() {
		if (this.error != null) {
			throw BackendHttpException.inStream(this.error);
		}
		if (this.last == null) {
			throw BackendHttpException.inStream("stream ended before the final chunk");
		}
		Duration timeToFirstToken = (this.firstTokenNanos < 0) ? null
				: Duration.ofNanos(this.firstTokenNanos - this.startNanos);
		return new OllamaChat.Answer(this.content.toString(), orZero(this.last.promptEvalCount()),
				orZero(this.last.evalCount()), this.last.doneReason(), timeToFirstToken,
				duration(this.last.loadDuration()), duration(this.last.promptEvalDuration()),
				duration(this.last.evalDuration()));
	}

	private static int orZero(Integer count) {
		return (count != null) ? count : 0;
	}

	private static Duration duration(Long nanos) {
		return (nanos != null) ? Duration.ofNanos(nanos) : null;
	}

	static String abbreviate(String text) {
		String oneLine = text.strip().replace('\n', ' ');
		return (oneLine.length() <= QUOTED_LINE_CHARS) ? oneLine : oneLine.substring(0, QUOTED_LINE_CHARS) + "...";
	}

}
