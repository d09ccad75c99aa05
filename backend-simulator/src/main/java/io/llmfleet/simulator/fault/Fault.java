package io.llmfleet.simulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One fault to inject into a simulated server: what goes wrong, for which model, on which
 * share of the calls and how many times. Immutable; build one with a factory and refine
 * it with the {@code with...} methods:
 * {@code Fault.error(503).forModel("llama3.2:3b").withRate(0.5).withTimes(2)}.
 *
 * <p>
 * Firing is deterministic, never random: a fault with rate {@code r} fires on the calls
 * where the running count of matching calls times {@code r} passes a whole number, so
 * rate 1 fires on every call, 0.5 on every second one, 0.25 on every fourth.
 *
 * @param kind what goes wrong
 * @param model the model it is limited to, null for every model; Ollama names match with
 * or without {@code :latest}
 * @param rate the share of matching calls it fires on, greater than 0 and at most 1
 * @param times how many times it fires before it is used up, {@link #UNLIMITED} for no
 * limit
 * @param status the HTTP status to answer with, 0 for the kind's usual one
 * @param delay extra load time of {@link FaultKind#SLOW_LOAD}; longest hang of
 * {@link FaultKind#HANG} (zero: until released)
 * @param afterChunks content chunks streamed before {@link FaultKind#DISCONNECT} drops
 * the connection or {@link FaultKind#ERROR}/{@link FaultKind#OUT_OF_MEMORY} fail the
 * stream; 0 fails before the answer starts
 * @param message the error message to send, null for the backend's usual wording
 */
public record Fault(FaultKind kind, String model, double rate, int times, int status, Duration delay, int afterChunks,
		String message) {

	/** {@link #times()} of a fault that is never used up. */
	public static final int UNLIMITED = -1;

	public Fault {
		Objects.requireNonNull(kind, "kind");
		if (model != null && model.isBlank()) {
			model = null;
		}
		if (!(rate > 0 && rate <= 1)) {
			throw new IllegalArgumentException("rate must be greater than 0 and at most 1 but was " + rate);
		}
		if (times != UNLIMITED && times < 1) {
			throw new IllegalArgumentException("times must be at least 1 (or -1 for unlimited) but was " + times);
		}
		if (status != 0 && (status < 400 || status > 599)) {
			throw new IllegalArgumentException("status must be an error status (400 to 599) but was " + status);
		}
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative but was " + delay);
		}
		if (afterChunks < 0) {
			throw new IllegalArgumentException("afterChunks must not be negative but was " + afterChunks);
		}
	}

	/**
	 * Every call fails with an error status.
	 * @param status e.g. 500 (internal error) or 503 (overloaded)
	 * @return the fault
	 */
	public static Fault error(int status) {
		return of(FaultKind.ERROR).withStatus(status);
	}

	/**
	 * Every call fails for lack of memory, in the backend's words.
	 * @return the fault
	 */
	public static Fault outOfMemory() {
		return of(FaultKind.OUT_OF_MEMORY);
	}

	/**
	 * Every call is refused because the server's queue is full.
	 * @return the fault
	 */
	public static Fault overloaded() {
		return of(FaultKind.OVERLOADED);
	}

	/**
	 * Every model load takes longer.
	 * @param extra the time added to each load
	 * @return the fault
	 */
	public static Fault slowLoad(Duration extra) {
		return of(FaultKind.SLOW_LOAD).withDelay(extra);
	}

	/**
	 * Every call is accepted and never answered, until released.
	 * @return the fault
	 */
	public static Fault hang() {
		return of(FaultKind.HANG);
	}

	/**
	 * Every answer is cut off: streams after {@code chunks} content chunks, unstreamed
	 * bodies halfway.
	 * @param chunks content chunks sent before the connection drops
	 * @return the fault
	 */
	public static Fault disconnectAfter(int chunks) {
		return of(FaultKind.DISCONNECT).withAfterChunks(chunks);
	}

	/**
	 * A fault of a kind with every option at its default: all models, every call, no
	 * limit.
	 * @param kind what goes wrong
	 * @return the fault
	 */
	public static Fault of(FaultKind kind) {
		return new Fault(kind, null, 1.0, UNLIMITED, 0, Duration.ZERO, 0, null);
	}

	public Fault forModel(String model) {
		return new Fault(this.kind, model, this.rate, this.times, this.status, this.delay, this.afterChunks,
				this.message);
	}

	public Fault withRate(double rate) {
		return new Fault(this.kind, this.model, rate, this.times, this.status, this.delay, this.afterChunks,
				this.message);
	}

	public Fault withTimes(int times) {
		return new Fault(this.kind, this.model, this.rate, times, this.status, this.delay, this.afterChunks,
				this.message);
	}

	/**
	 * Fires on the next matching call only.
	 * @return this fault with {@code times} 1
	 */
	public Fault once() {
		return withTimes(1);
	}

	public Fault withStatus(int status) {
		return new Fault(this.kind, this.model, this.rate, this.times, status, this.delay, this.afterChunks,
				this.message);
	}

	public Fault withDelay(Duration delay) {
		return new Fault(this.kind, this.model, this.rate, this.times, this.status, delay, this.afterChunks,
				this.message);
	}

	public Fault withAfterChunks(int chunks) {
		return new Fault(this.kind, this.model, this.rate, this.times, this.status, this.delay, chunks, this.message);
	}

	public Fault withMessage(String message) {
		return new Fault(this.kind, this.model, this.rate, this.times, this.status, this.delay, this.afterChunks,
				message);
	}

	/**
	 * The status to answer with.
	 * @param usual the kind's usual status on this server
	 * @return {@link #status()}, or {@code usual} when the fault names none
	 */
	public int statusOr(int usual) {
		return (this.status != 0) ? this.status : usual;
	}

	/**
	 * The message to send.
	 * @param usual the backend's usual wording
	 * @return {@link #message()}, or {@code usual} when the fault gives none
	 */
	public String messageOr(String usual) {
		return (this.message != null) ? this.message : usual;
	}

}
