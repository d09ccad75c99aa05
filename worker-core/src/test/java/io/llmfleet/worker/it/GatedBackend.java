package io.llmfleet.worker.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.worker.backend.Backend;
import io.llmfleet.worker.backend.BackendCall;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;

/**
 * A backend whose calls a test holds and releases, and whose status it sets, so the
 * runtime around it can be driven into states (slots full, a model loading, a call
 * running for minutes) on cue. A prompt {@code fail:<KIND>} fails with that kind at once;
 * a prompt {@code hold:<name>} waits until {@link #release(String)} of that name. An
 * interrupted call ends as an HTTP backend's does: TRANSIENT, interrupt status kept.
 */
public final class GatedBackend implements Backend {

	/** The kind the test catalogue gives its model. */
	public static final String KIND = "gated";

	private static final Duration LONGEST_HOLD = Duration.ofSeconds(90);

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger maxRunning = new AtomicInteger();

	private final Set<String> started = ConcurrentHashMap.newKeySet();

	private final Map<String, CountDownLatch> named = new ConcurrentHashMap<>();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	private volatile BackendStatus status = new BackendStatus(List.of(), 0, null, null, null, null);

	/** Holds every call that starts from now on until {@link #open()}. */
	public void hold() {
		this.gate = new CountDownLatch(1);
	}

	/** Releases held calls; later calls run at once. */
	public void open() {
		this.gate.countDown();
	}

	/**
	 * Releases the calls whose prompt is {@code hold:<name>}, and later ones.
	 * @param name the name
	 */
	public void release(String name) {
		latch(name).countDown();
	}

	/** Calls inside the backend now. */
	public int running() {
		return this.running.get();
	}

	/** The most calls that were inside the backend at once. */
	public int maxRunning() {
		return this.maxRunning.get();
	}

	/** The request ids of every call that reached the backend. */
	public Set<String> started() {
		return Set.copyOf(this.started);
	}

	/** What {@link #status} answers from now on. */
	public void status(BackendStatus status) {
		this.status = status;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public BackendOutcome chat(BackendCall call) {
		String prompt = call.messages().get(call.messages().size() - 1).getContent();
		if (prompt.startsWith("fail:")) {
			return new BackendOutcome.Failed(ErrorKind.valueOf(prompt.substring(5)), "scripted " + prompt);
		}
		this.started.add(call.requestId());
		this.maxRunning.accumulateAndGet(this.running.incrementAndGet(), Math::max);
		try {
			CountDownLatch waitFor = prompt.startsWith("hold:") ? latch(prompt.substring(5)) : this.gate;
			if (!waitFor.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
				return new BackendOutcome.Failed(ErrorKind.TIMEOUT, "the test never opened the gate");
			}
			return new BackendOutcome.Completed("answer to " + prompt, 3, 4, 1L, "stop");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new BackendOutcome.Failed(ErrorKind.TRANSIENT, "interrupted");
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	@Override
	public BackendStatus status(List<Model> served, Duration timeout) {
		return this.status;
	}

	private CountDownLatch latch(String name) {
		return this.named.computeIfAbsent(name, (key) -> new CountDownLatch(1));
	}

}
