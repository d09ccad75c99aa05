package io.llmfleet.simulator.http;

import java.nio.charset.StandardCharsets;

/**
 * A complete, unstreamed HTTP reply.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} header, null for none
 * @param body the body bytes
 */
public record Reply(int status, String contentType, byte[] body) {

	/** Content type of JSON bodies. */
	public static final String JSON = "application/json; charset=utf-8";

	/** Content type of plain-text bodies. */
	public static final String TEXT = "text/plain; charset=utf-8";

	/**
	 * A reply with an empty body and no content type.
	 * @param status the HTTP status
	 * @return the reply
	 */
	public static Reply empty(int status) {
		return new Reply(status, null, new byte[0]);
	}

	/**
	 * A plain-text reply.
	 * @param status the HTTP status
	 * @param text the body
	 * @return the reply
	 */
	public static Reply text(int status, String text) {
		return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
	}

}
