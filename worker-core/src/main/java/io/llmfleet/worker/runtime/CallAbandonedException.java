package io.llmfleet.worker.runtime;

/**
 * A record the worker gave up because it is stopping and its grace period ran out: no
 * result, dead letter or outcome was written for it, and its offset is not committed, so
 * the partition's next owner serves it. Expected, so it carries no stack trace.
 */
final class CallAbandonedException extends RuntimeException {

	private CallAbandonedException(String message) {
		super(message, null, false, false);
	}

	/**
	 * A call interrupted by a stopping worker.
	 * @param workerId the worker
	 * @param requestId the request
	 * @param modelId the model it was served by
	 * @return the exception
	 */
	static CallAbandonedException interrupted(String workerId, String requestId, String modelId) {
		return new CallAbandonedException("Worker " + workerId + " stopped while serving request " + requestId + " on "
				+ modelId + "; it is left for another worker");
	}

}
