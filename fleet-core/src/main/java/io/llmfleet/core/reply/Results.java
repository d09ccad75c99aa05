package io.llmfleet.core.reply;

import java.time.Duration;
import java.time.Instant;

import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultError;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.Timings;

/**
 * Builds results: the ones that end a request without an answer (REJECTED, FAILED,
 * EXPIRED) and the common part of every result.
 */
public final class Results {

	private Results() {
	}

	/**
	 * A builder with what every result of {@code request} carries: ids, completion time
	 * and the total time since the request was created.
	 */
	public static InferenceResult.Builder of(InferenceRequest request, ResultStatus status) {
		Instant now = Instant.now();
		return InferenceResult.newBuilder()
			.setRequestId(request.getRequestId())
			.setBatchId(request.getBatchId())
			.setStatus(status)
			.setTimings(Timings.newBuilder().setTotalMs(millisBetween(request.getCreatedAt(), now)).build())
			.setCompletedAt(now);
	}

	/** The request is invalid as sent; retrying it unchanged cannot help. */
	public static InferenceResult rejected(InferenceRequest request, ErrorKind kind, String message) {
		return of(request, ResultStatus.REJECTED).setError(new ResultError(kind, message)).build();
	}

	/** Every way to serve the request was tried and failed; the message says why. */
	public static InferenceResult failed(InferenceRequest request, ErrorKind kind, String message) {
		return of(request, ResultStatus.FAILED).setError(new ResultError(kind, message)).build();
	}

	/** The request's deadline passed before a backend was reached. */
	public static InferenceResult expired(InferenceRequest request, String where) {
		return of(request, ResultStatus.EXPIRED)
			.setError(new ResultError(ErrorKind.EXPIRED,
					"Deadline " + request.getDeadlineAt() + " passed before " + where + " reached a backend"))
			.build();
	}

	/**
	 * The request's deadline passed while it was being re-routed after failed attempts.
	 */
	public static InferenceResult expiredAfter(InferenceRequest request, int attempts) {
		return of(request, ResultStatus.EXPIRED)
			.setError(new ResultError(ErrorKind.EXPIRED,
					"Deadline " + request.getDeadlineAt() + " passed after " + attempts
							+ " failed attempt(s); the history says how each ended"))
			.build();
	}

	/** Whether {@code request}'s deadline has passed. */
	public static boolean isExpired(InferenceRequest request, Instant now) {
		return request.getDeadlineAt() != null && now.isAfter(request.getDeadlineAt());
	}

	/**
	 * Whole milliseconds from {@code from} to {@code to}; null when {@code from} is
	 * unknown.
	 */
	public static Long millisBetween(Instant from, Instant to) {
		return (from != null && to != null) ? Duration.between(from, to).toMillis() : null;
	}

}
