package io.llmfleet.cli.bench;

/**
 * A measured run in which a request got no result or an unsuccessful one: its figures
 * mean nothing, and {@code fleet bench} stops with this message.
 */
public class LostRequestsException extends RuntimeException {

	public LostRequestsException(String message) {
		super(message);
	}

}
