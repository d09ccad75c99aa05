package io.llmfleet.classifier.model;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model in service, swapped atomically when its file changes. A file location is
 * polled every {@code interval} (modification time and size; a poll costs one
 * {@code stat}); a changed file is read, checked (checksum, versions, and the
 * {@code validator}, which checks its tiers against the catalogue), and only then
 * replaces the model. A file that fails is refused with one warning naming the file and
 * the reason, and the previous model keeps serving; it is tried again when it changes
 * again. Readers never lock: {@link #get()} is one volatile read.
 */
public final class ReloadingModel implements Supplier<TierModel>, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ReloadingModel.class);

	private final ModelLocation location;

	private final Consumer<TierModel> validator;

	private final AtomicReference<TierModel> current = new AtomicReference<>();

	private final ScheduledExecutorService poller;

	private ModelLocation.Stamp seen;

	/**
	 * Loads the model at {@code location}; a bad initial model stops start-up.
	 * @param location where the model is
	 * @param interval how often to look for a new file; zero or negative never looks
	 * @param validator throws {@link ModelFileException} for a model that does not fit
	 * @throws IOException when the initial model cannot be read
	 */
	public ReloadingModel(ModelLocation location, Duration interval, Consumer<TierModel> validator) throws IOException {
		this.location = location;
		this.validator = validator;
		if (location.isWatchable()) {
			this.seen = location.stamp();
		}
		TierModel initial = location.load();
		validator.accept(initial);
		this.current.set(initial);
		logger.info("Tier model {} loaded from {}", initial.id(), location.location());
		if (location.isWatchable() && !interval.isZero() && !interval.isNegative()) {
			this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "tier-model-reload");
				thread.setDaemon(true);
				return thread;
			});
			this.poller.scheduleWithFixedDelay(this::reloadIfChanged, interval.toMillis(), interval.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		else {
			this.poller = null;
		}
	}

	/** The model in service now. */
	@Override
	public TierModel get() {
		return this.current.get();
	}

	/**
	 * Reads the file again if it changed since it was last read, and swaps the model in
	 * when it is valid.
	 * @return whether a new model now serves
	 */
	public synchronized boolean reloadIfChanged() {
		if (!this.location.isWatchable()) {
			return false;
		}
		ModelLocation.Stamp stamp;
		try {
			stamp = this.location.stamp();
		}
		catch (IOException ex) {
			return false;
		}
		if (stamp.equals(this.seen)) {
			return false;
		}
		this.seen = stamp;
		TierModel serving = this.current.get();
		try {
			long start = System.nanoTime();
			TierModel candidate = this.location.load();
			this.validator.accept(candidate);
			this.current.set(candidate);
			logger.info("Tier model reloaded from {}: {} replaces {} ({} ms)", this.location.location(), candidate.id(),
					serving.id(), (System.nanoTime() - start) / 1_000_000);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Refused tier model file {}: {}; still serving {}", this.location.location(), ex.getMessage(),
					serving.id());
			return false;
		}
	}

	@Override
	public void close() {
		if (this.poller != null) {
			this.poller.shutdownNow();
		}
	}

}
