package io.llmfleet.worker.backend;

/** A backend that does not answer at start-up. */
public class BackendUnavailableException extends RuntimeException {

	private BackendUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	/** The backend of {@code kind} at {@code url} did not answer. */
	public static BackendUnavailableException unreachable(String kind, String url, Throwable cause) {
		return new BackendUnavailableException(kind + " backend at " + url + " is not reachable: "
				+ ((cause != null) ? cause.getMessage() : "no answer"), cause);
	}

}
