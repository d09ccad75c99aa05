package io.llmfleet.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults one simulated server injects, changed at run time by tests (in process) or
 * through {@code /admin/faults}. Each inference call is offered to the faults in the
 * order they were added; those limited to another model or used up pass, the others count
 * the call, and the first that fires decides what goes wrong. Thread-safe.
 */
public final class SimulatorFaults {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorFaults.class);

	// rate x calls is compared to whole numbers; this absorbs rounding such as
	// 0.1 x 30 = 2.9999999999999996
	private static final double EPSILON = 1e-9;

	private final String serverName;

	private final UnaryOperator<String> canonicalModel;

	private final List<Entry> entries = new ArrayList<>();

	private long nextId = 1;

	private long releases;

	private int hanging;

	/**
	 * A fault set whose model names match exactly.
	 * @param serverName the server, for log lines
	 */
	public SimulatorFaults(String serverName) {
		this(serverName, UnaryOperator.identity());
	}

	/**
	 * A fault set that compares model names in the server's canonical form.
	 * @param serverName the server, for log lines
	 * @param canonicalModel turns a model name into the form two names are compared in
	 * (Ollama: with a tag)
	 */
	public SimulatorFaults(String serverName, UnaryOperator<String> canonicalModel) {
		this.serverName = Objects.requireNonNull(serverName, "serverName");
		this.canonicalModel = Objects.requireNonNull(canonicalModel, "canonicalModel");
	}

	/**
	 * Replaces all faults, releasing requests that hang.
	 * @param faults the new faults, in the order they are offered calls
	 */
	public void set(Fault... faults) {
		set(Arrays.asList(faults));
	}

	/**
	 * Replaces all faults, releasing requests that hang.
	 * @param faults the new faults, in the order they are offered calls
	 */
	public synchronized void set(List<Fault> faults) {
		faults.forEach((fault) -> Objects.requireNonNull(fault, "fault"));
		this.entries.clear();
		releaseHanging();
		faults.forEach(this::append);
	}

	/**
	 * Adds faults after those already set.
	 * @param faults the faults to add
	 */
	public synchronized void add(Fault... faults) {
		Arrays.stream(faults).forEach((fault) -> Objects.requireNonNull(fault, "fault"));
		Arrays.stream(faults).forEach(this::append);
	}

	/**
	 * Removes every fault and drops the connections of requests that hang.
	 */
	public synchronized void clear() {
		this.entries.clear();
		releaseHanging();
	}

	/**
	 * The faults with their counts, in the order they are offered calls.
	 * @return a snapshot
	 */
	public synchronized List<ActiveFault> list() {
		return this.entries.stream().map(Entry::snapshot).toList();
	}

	/**
	 * Requests currently held by a {@link FaultKind#HANG} fault, so a test can wait until
	 * its request arrived.
	 * @return the number of hanging requests
	 */
	public synchronized int hanging() {
		return this.hanging;
	}

	/**
	 * Decides what goes wrong with one inference call. Used by the simulated servers.
	 * {@link FaultKind#SLOW_LOAD} faults are left to {@link #extraLoadTime}.
	 * @param model the model the call names
	 * @return the fault that fired, null when the call goes through
	 */
	public synchronized Fault next(String model) {
		return fire(model, false);
	}

	/**
	 * The extra time one model load takes: the first {@link FaultKind#SLOW_LOAD} fault
	 * that fires for it. Used by the simulated servers each time a model loads.
	 * @param model the model being loaded
	 * @return the extra time, zero when none fires
	 */
	public synchronized Duration extraLoadTime(String model) {
		Fault fault = fire(model, true);
		return (fault != null) ? fault.delay() : Duration.ZERO;
	}

	/**
	 * Holds the calling request until the faults are cleared or replaced, until the
	 * fault's {@code delay} has passed (when not zero), or until the thread is
	 * interrupted. Used by the simulated servers.
	 * @param fault the {@link FaultKind#HANG} fault that fired
	 * @throws InterruptedException when the simulator stops while the request hangs
	 */
	public synchronized void hang(Fault fault) throws InterruptedException {
		long release = this.releases;
		long deadline = System.nanoTime() + fault.delay().toNanos();
		this.hanging++;
		try {
			while (this.releases == release) {
				if (fault.delay().isZero()) {
					wait();
				}
				else {
					long left = deadline - System.nanoTime();
					if (left <= 0) {
						return;
					}
					TimeUnit.NANOSECONDS.timedWait(this, left);
				}
			}
		}
		finally {
			this.hanging--;
		}
	}

	private void append(Fault fault) {
		this.entries.add(new Entry(this.nextId++, fault));
	}

	private void releaseHanging() {
		this.releases++;
		notifyAll();
	}

	private Fault fire(String model, boolean slowLoad) {
		String canonical = (model != null) ? this.canonicalModel.apply(model) : null;
		for (Entry entry : this.entries) {
			boolean loadFault = entry.fault.kind() == FaultKind.SLOW_LOAD;
			if (loadFault != slowLoad || !entry.live() || !entry.matches(canonical)) {
				continue;
			}
			entry.calls++;
			if (Math.floor(entry.calls * entry.fault.rate() + EPSILON) > Math
				.floor((entry.calls - 1) * entry.fault.rate() + EPSILON)) {
				entry.fired++;
				logger.debug("{}: fault #{} ({}) fires on call {} for model {}, {} time(s) so far", this.serverName,
						entry.id, entry.fault.kind().wireName(), entry.calls, model, entry.fired);
				return entry.fault;
			}
		}
		return null;
	}

	private final class Entry {

		final long id;

		final Fault fault;

		long calls;

		long fired;

		Entry(long id, Fault fault) {
			this.id = id;
			this.fault = fault;
		}

		boolean live() {
			return this.fault.times() == Fault.UNLIMITED || this.fired < this.fault.times();
		}

		boolean matches(String canonical) {
			return this.fault.model() == null
					|| SimulatorFaults.this.canonicalModel.apply(this.fault.model()).equals(canonical);
		}

		ActiveFault snapshot() {
			int remaining = (this.fault.times() == Fault.UNLIMITED) ? Fault.UNLIMITED
					: (int) (this.fault.times() - this.fired);
			return new ActiveFault(this.id, this.fault, this.calls, this.fired, remaining);
		}

	}

}
