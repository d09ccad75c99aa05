package io.llmfleet.worker.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.schemas.RoutedRequest;

/**
 * Consumes one served model's topic for this worker, in that model's consumer group. One
 * thread polls without pause, so the group never waits on a backend call and
 * {@code max.poll.interval.ms} is unrelated to how long a generation takes; it takes a
 * record only while one of the model's {@code max-in-flight} slots is free
 * ({@code max.poll.records=1}) and hands it to that slot's thread. With every slot busy
 * it pauses its partitions and keeps polling, so records stay in Kafka rather than in a
 * buffer here, and resumes once a slot frees up. Offsets are committed in order: for each
 * partition, up to the lowest record still running (see {@link PartitionOffsets}).
 *
 * <p>
 * Stopping: it stops taking records at once, lets the running ones finish until the
 * deadline, commits what finished and leaves the group; records still running at the
 * deadline are interrupted and left uncommitted, so the partition's next owner serves
 * them. A partition taken away by a rebalance is committed as far as it finished; its
 * running records still write their exits here, and the new owner serves them again
 * (clients drop the duplicate by request id).
 */
final class ModelConsumer {

	/** How long one poll waits: how soon a freed slot or a finished record is seen. */
	static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

	private static final Duration ABORT_WAIT = Duration.ofSeconds(10);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration FAILED_POLL_PAUSE = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(ModelConsumer.class);

	private final String workerId;

	private final String modelId;

	private final String topic;

	private final Consumer<String, RoutedRequest> consumer;

	private final RecordProcessor processor;

	private final int maxInFlight;

	private final ExecutorService slots;

	private final Thread poller;

	private final AtomicInteger inFlight = new AtomicInteger();

	/** Released whenever a call ends, to wake the polling thread waiting for a slot. */
	private final Semaphore slotFreed = new Semaphore(0);

	private final AssignedPartitions partitions;

	private final AtomicInteger finishedWhileStopping = new AtomicInteger();

	private volatile boolean stopping;

	private volatile long stopDeadlineNanos;

	private volatile int leftUnfinished;

	private String pollError;

	ModelConsumer(String workerId, String modelId, String topic, Consumer<String, RoutedRequest> consumer,
			RecordProcessor processor, int maxInFlight) {
		this.workerId = workerId;
		this.modelId = modelId;
		this.topic = topic;
		this.consumer = consumer;
		this.processor = processor;
		this.maxInFlight = maxInFlight;
		this.partitions = new AssignedPartitions(workerId);
		AtomicInteger threads = new AtomicInteger();
		this.slots = Executors.newFixedThreadPool(maxInFlight, (task) -> {
			Thread thread = new Thread(task, "slot-" + modelId + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.poller = new Thread(this::run, "poll-" + modelId);
		this.poller.setDaemon(true);
	}

	void start() {
		this.poller.start();
	}

	/**
	 * Stops taking records; returns at once.
	 * @param deadlineNanos when, on {@link System#nanoTime()}'s clock, records still
	 * running are given up
	 */
	void stop(long deadlineNanos) {
		this.stopDeadlineNanos = deadlineNanos;
		this.stopping = true;
		this.consumer.wakeup();
	}

	/**
	 * Waits until the consumer has left its group.
	 * @param timeout how long to wait
	 * @return whether it has
	 */
	boolean awaitStopped(Duration timeout) {
		try {
			this.poller.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !this.poller.isAlive();
	}

	/** Records that finished after the stop began. */
	int finishedWhileStopping() {
		return this.finishedWhileStopping.get();
	}

	/** Records given up at the deadline, for another worker to serve. */
	int leftUnfinished() {
		return this.leftUnfinished;
	}

	/** Records taken and not finished. */
	int inFlight() {
		return this.inFlight.get();
	}

	private void run() {
		try {
			this.consumer.subscribe(List.of(this.topic), new Rebalance());
			while (!this.stopping || (this.inFlight.get() > 0 && System.nanoTime() - this.stopDeadlineNanos < 0)) {
				try {
					pollOnce();
				}
				catch (WakeupException ex) {
					// stop() woke the poll: the loop's condition decides what is next
				}
				catch (KafkaException ex) {
					pollFailed(ex);
				}
			}
			this.leftUnfinished = this.inFlight.get();
			if (this.leftUnfinished > 0) {
				abort();
			}
			this.partitions.commitSync(this.consumer, this.partitions.all());
		}
		catch (RuntimeException ex) {
			logger.error("Worker {} stopped consuming {} on an unexpected failure: {}", this.workerId, this.topic,
					ex.toString(), ex);
		}
		finally {
			this.slots.shutdownNow();
			close();
		}
	}

	private void pollOnce() {
		this.partitions.commitAsync(this.consumer);
		Duration pollTimeout = POLL_TIMEOUT;
		if (this.stopping || this.inFlight.get() >= this.maxInFlight) {
			this.consumer.pause(this.consumer.assignment());
			// A paused poll only keeps the group alive: wait for a slot here instead, so
			// a freed slot takes its next record at once rather than after a poll
			// timeout.
			awaitFreeSlot();
			pollTimeout = Duration.ZERO;
		}
		else if (!this.consumer.paused().isEmpty()) {
			this.consumer.resume(this.consumer.paused());
		}
		for (ConsumerRecord<String, RoutedRequest> record : this.consumer.poll(pollTimeout)) {
			take(record);
		}
		if (this.pollError != null) {
			logger.info("Worker {} polls {} again", this.workerId, this.topic);
			this.pollError = null;
		}
	}

	private void awaitFreeSlot() {
		this.slotFreed.drainPermits();
		if (this.stopping || this.inFlight.get() >= this.maxInFlight) {
			try {
				this.slotFreed.tryAcquire(POLL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void take(ConsumerRecord<String, RoutedRequest> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		PartitionOffsets partitionOffsets = this.partitions.get(partition);
		if (partitionOffsets == null) {
			// revoked within the poll that returned it: its next owner reads it
			return;
		}
		if (this.stopping || this.inFlight.get() >= this.maxInFlight) {
			// a partition assigned while full can deliver before it is paused: read it
			// again later rather than hold it here
			this.consumer.seek(partition, record.offset());
			return;
		}
		partitionOffsets.taken(record.offset());
		this.inFlight.incrementAndGet();
		this.slots.execute(() -> serve(record, partitionOffsets));
	}

	private void serve(ConsumerRecord<String, RoutedRequest> record, PartitionOffsets partitionOffsets) {
		boolean finished = false;
		try {
			finished = this.processor.process(record);
		}
		catch (RuntimeException ex) {
			logger.error(
					"Worker {} failed on {}-{}@{} unexpectedly: {}; next: it stays uncommitted until its "
							+ "partition is assigned again",
					this.workerId, record.topic(), record.partition(), record.offset(), ex.toString(), ex);
		}
		finally {
			if (finished) {
				partitionOffsets.finished(record.offset());
				if (this.stopping) {
					this.finishedWhileStopping.incrementAndGet();
				}
			}
			this.inFlight.decrementAndGet();
			this.slotFreed.release();
		}
	}

	private void abort() {
		logger.warn("Worker {} still runs {} call(s) on {} after its shutdown grace; next: abort them and leave their "
				+ "records uncommitted for another worker", this.workerId, this.leftUnfinished, this.modelId);
		this.slots.shutdownNow();
		try {
			if (!this.slots.awaitTermination(ABORT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Worker {} has calls on {} that ignore being aborted; next: leave the group anyway",
						this.workerId, this.modelId);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void pollFailed(KafkaException ex) {
		String error = ex.toString();
		if (!Objects.equals(error, this.pollError)) {
			logger.warn("Worker {} cannot poll {}: {}; next: poll again in {} ms", this.workerId, this.topic, error,
					FAILED_POLL_PAUSE.toMillis());
			this.pollError = error;
		}
		try {
			Thread.sleep(FAILED_POLL_PAUSE.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			this.stopping = true;
		}
	}

	private void close() {
		try {
			this.consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
		}
		catch (RuntimeException ex) {
			logger.warn("Worker {} could not leave the group of {} cleanly: {}", this.workerId, this.topic,
					ex.toString());
		}
	}

	// runs on the polling thread, inside poll() and close()
	private final class Rebalance implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			ModelConsumer.this.partitions.assigned(partitions);
			if (ModelConsumer.this.stopping || ModelConsumer.this.inFlight.get() >= ModelConsumer.this.maxInFlight) {
				ModelConsumer.this.consumer.pause(partitions);
			}
			if (!partitions.isEmpty()) {
				logger.info("Worker {} consumes {} of {}", ModelConsumer.this.workerId, partitions,
						ModelConsumer.this.modelId);
			}
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			ModelConsumer.this.partitions.commitSync(ModelConsumer.this.consumer, partitions);
			for (TopicPartition partition : partitions) {
				int running = ModelConsumer.this.partitions.removed(partition);
				if (running > 0 && !ModelConsumer.this.stopping) {
					logger.info(
							"Worker {} gives up {} with {} request(s) running; next: they finish here and its new "
									+ "owner serves them again (clients drop the duplicate)",
							ModelConsumer.this.workerId, partition, running);
				}
			}
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			partitions.forEach(ModelConsumer.this.partitions::removed);
			logger.warn("Worker {} lost {} of {} without a rebalance; next: their uncommitted records are read again",
					ModelConsumer.this.workerId, partitions, ModelConsumer.this.modelId);
		}

	}

}
