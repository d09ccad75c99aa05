package io.llmfleet.worker.backend.http;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;
import io.llmfleet.worker.backend.BackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an HTTP backend's {@link Backend#chat}, {@link Backend#checkReachable} and
 * {@link Backend#status} the same way for every backend: a call with no time left fails
 * as TIMEOUT without reaching the backend, a call without a timeout gets
 * {@link #DEFAULT_TIMEOUT}, and a {@link BackendHttpException} becomes a
 * {@link BackendOutcome.Failed} whose kind the backend's own classifier decides and whose
 * message names backend, model and request; a status that cannot be read becomes
 * {@link BackendStatus#failed}.
 */
public final class HttpCalls {

	/** How long a call may take when it names no timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

	private static final Logger logger = LoggerFactory.getLogger(HttpCalls.class);

	private HttpCalls() {
	}

	/**
	 * Runs one chat call and reports how it ended.
	 * @param backendKind the backend kind, as {@link Backend#kind()} names it
	 * @param call the call
	 * @param exchange runs the call against the backend within a timeout
	 * @param classifier the backend's classification of a failed exchange
	 * @return the outcome
	 */
	public static BackendOutcome chat(String backendKind, BackendCall call, Exchange exchange, Classifier classifier) {
		if (call.timeout() != null && (call.timeout().isZero() || call.timeout().isNegative())) {
			return new BackendOutcome.Failed(ErrorKind.TIMEOUT,
					describe(backendKind, call, "no time left for the call"));
		}
		Duration timeout = (call.timeout() != null) ? call.timeout() : DEFAULT_TIMEOUT;
		try {
			return exchange.run(call, timeout);
		}
		catch (BackendHttpException ex) {
			ErrorKind kind = classifier.classify(ex.status(), ex.error(), ex.getCause());
			String message = describe(backendKind, call, ex.getMessage());
			logger.debug("{} call failed as {}: {}", backendKind, kind, message);
			return new BackendOutcome.Failed(kind, message);
		}
	}

	/**
	 * Probes the backend at start-up.
	 * @param backendKind the backend kind, as {@link Backend#kind()} names it
	 * @param baseUrl where the backend listens
	 * @param probe asks the backend whether it is up
	 * @throws BackendUnavailableException when the probe fails
	 */
	public static void checkReachable(String backendKind, URI baseUrl, Runnable probe) {
		try {
			probe.run();
			logger.info("{} backend at {} is reachable", backendKind, baseUrl);
		}
		catch (BackendHttpException ex) {
			throw BackendUnavailableException.unreachable(backendKind, baseUrl.toString(), ex);
		}
	}

	/**
	 * Asks the backend for its status.
	 * @param backendKind the backend kind, as {@link Backend#kind()} names it
	 * @param baseUrl where the backend listens
	 * @param exchange asks the backend and maps its answer
	 * @return the status, or {@link BackendStatus#failed} saying why there is none
	 */
	public static BackendStatus status(String backendKind, URI baseUrl, Supplier<BackendStatus> exchange) {
		try {
			return exchange.get();
		}
		catch (BackendHttpException ex) {
			return BackendStatus.failed(backendKind + " status at " + baseUrl + " failed: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// an answer that does not parse must not fail the heartbeat either
			return BackendStatus.failed(backendKind + " status at " + baseUrl + " is unreadable: " + ex);
		}
	}

	private static String describe(String backendKind, BackendCall call, String what) {
		return backendKind + " model " + call.backendModel() + " (" + call.modelId() + ") failed request "
				+ call.requestId() + ": " + what;
	}

	/** Runs one call against a backend. */
	@FunctionalInterface
	public interface Exchange {

		/**
		 * Runs the call.
		 * @param call the call
		 * @param timeout how long the whole call may take
		 * @return the completion
		 * @throws BackendHttpException when no complete answer came
		 */
		BackendOutcome.Completed run(BackendCall call, Duration timeout);

	}

	/** A backend's one method that decides what kind of failure a call ended with. */
	@FunctionalInterface
	public interface Classifier {

		/**
		 * Classifies one failed call.
		 * @param status the HTTP status, 0 when no response came
		 * @param error the backend's error text, may be null
		 * @param cause the transport failure, null when the backend answered
		 * @return the kind of failure
		 */
		ErrorKind classify(int status, String error, Throwable cause);

	}

}
