package io.llmfleet.simulator.http;

/**
 * Thrown by a route to drop the connection abruptly, without a reply or with a reply cut
 * short: the {@link Router} leaves the exchange unclosed and rethrows, and the JDK server
 * then closes the socket. A streamed body therefore ends without its terminating chunk
 * and a fixed-length body ends early, as when a backend process dies mid-answer.
 */
public final class AbortConnection extends RuntimeException {

	private AbortConnection(String reason) {
		super(reason, null, false, false);
	}

	/**
	 * Drops the connection of the current request.
	 * @param reason why, for the log line
	 * @return the exception to throw
	 */
	public static AbortConnection because(String reason) {
		return new AbortConnection(reason);
	}

}
