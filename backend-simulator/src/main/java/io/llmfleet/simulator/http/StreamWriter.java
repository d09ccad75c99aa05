package io.llmfleet.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The body of a streamed reply. Every part is flushed at once so the client sees each
 * token when it is produced, not when a buffer fills. Closing it ends the chunked body.
 */
public final class StreamWriter implements AutoCloseable {

	private final OutputStream out;

	StreamWriter(OutputStream out) {
		this.out = out;
	}

	/**
	 * Writes one part and flushes it.
	 * @param part the bytes of the part, including its own line ending
	 * @throws IOException when the client goes away
	 */
	public void write(byte[] part) throws IOException {
		this.out.write(part);
		this.out.flush();
	}

	/**
	 * Writes one text part and flushes it.
	 * @param part the text of the part, including its own line ending
	 * @throws IOException when the client goes away
	 */
	public void write(String part) throws IOException {
		write(part.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
