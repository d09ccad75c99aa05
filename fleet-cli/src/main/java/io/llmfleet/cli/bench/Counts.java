package io.llmfleet.cli.bench;

/**
 * What happened to the requests of one measured run. A run is complete when every request
 * sent got exactly one successful result; anything else is a failed run, whatever its
 * timings say.
 *
 * @param sent requests sent
 * @param received results received for them (successful or not)
 * @param failed results that were not a success (a FAILED or REJECTED result, a relay
 * that could not forward)
 * @param duplicates results received again for a request already answered (workers are at
 * least once); -1 where the client cannot tell
 */
public record Counts(long sent, long received, long failed, long duplicates) {

	/** Requests sent that got no result. */
	public long lost() {
		return this.sent - this.received;
	}

	/** Whether every request sent got a successful result. */
	public boolean complete() {
		return lost() == 0 && this.failed == 0;
	}

	/**
	 * Throws unless the run is complete.
	 * @param run what was measured, for the message
	 * @param firstFailure the first failure seen, or null
	 * @throws LostRequestsException naming the run and its counts
	 */
	public void requireComplete(String run, String firstFailure) {
		if (!complete()) {
			throw new LostRequestsException(run + ": " + this.sent + " requests sent, " + this.received
					+ " results received, " + lost() + " lost, " + this.failed + " failed"
					+ ((firstFailure != null) ? "; first failure: " + firstFailure : ""));
		}
	}

	/** One line for the report. */
	@Override
	public String toString() {
		return "sent " + this.sent + ", received " + this.received + ", lost " + lost() + ", failed " + this.failed
				+ ((this.duplicates >= 0) ? ", duplicates " + this.duplicates : "");
	}

}
