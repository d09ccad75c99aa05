package io.llmfleet.client.batch;

import java.time.Duration;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.client.kafka.KafkaClients;
import io.llmfleet.schemas.BatchManifest;
import io.llmfleet.schemas.InferenceRequest;

/**
 * Writes a batch's requests and manifest in Kafka transactions under the transactional id
 * {@code fleet-batch-<batch id>}. Opening one fences every earlier producer of the same
 * batch (a crashed or hung submitter) and aborts its open transaction, so after that the
 * requests topic, read committed, holds exactly what was submitted before, and nothing
 * more can appear from the old submitter. That is what makes a resumed batch submit each
 * request once. Not thread-safe.
 */
final class BatchProducer implements AutoCloseable {

	private static final long COMMIT_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

	private final KafkaProducer<String, SpecificRecord> producer;

	private final FleetClientConfig config;

	private final String batchId;

	private final int commitEvery;

	private boolean open;

	private int sent;

	private long begunAt;

	BatchProducer(FleetClientConfig config, String batchId, int commitEvery) {
		this.config = config;
		this.batchId = batchId;
		this.commitEvery = commitEvery;
		// A little linger batches the requests of one transaction; the commit flushes.
		this.producer = KafkaClients.producer(config, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
				"fleet-batch-" + batchId, ProducerConfig.LINGER_MS_CONFIG, 5));
		try {
			this.producer.initTransactions();
		}
		catch (KafkaException ex) {
			this.producer.close(Duration.ZERO);
			throw new KafkaException("Cannot start the transactional producer of batch " + batchId + ": " + ex, ex);
		}
	}

	/**
	 * Sends one request in the open transaction, committing when it holds
	 * {@code commitEvery} requests or is 100 ms old.
	 */
	void send(InferenceRequest request) {
		begin();
		try {
			this.producer.send(new ProducerRecord<>(this.config.requestsTopic(), request.getRequestId(), request));
		}
		catch (KafkaException ex) {
			throw translated(ex);
		}
		this.sent++;
		if (this.sent >= this.commitEvery || System.nanoTime() - this.begunAt > COMMIT_INTERVAL_NANOS) {
			commit();
		}
	}

	/** Commits the open transaction, if any: its requests become visible to the fleet. */
	void commit() {
		if (!this.open) {
			return;
		}
		try {
			this.producer.commitTransaction();
			this.open = false;
		}
		catch (KafkaException ex) {
			throw translated(ex);
		}
	}

	/** Writes the manifest in a transaction of its own. */
	void write(BatchManifest manifest) {
		commit();
		begin();
		this.producer.send(new ProducerRecord<>(this.config.batchesTopic(), manifest.getBatchId(), manifest));
		commit();
	}

	private void begin() {
		if (this.open) {
			return;
		}
		try {
			this.producer.beginTransaction();
		}
		catch (KafkaException ex) {
			throw translated(ex);
		}
		this.open = true;
		this.sent = 0;
		this.begunAt = System.nanoTime();
	}

	/** A fenced producer says so in words; any other failure goes on as it is. */
	private RuntimeException translated(KafkaException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
				return new IllegalStateException(
						"Batch " + this.batchId
								+ " is being submitted by another process, which fenced this one; let that one finish",
						ex);
			}
		}
		return ex;
	}

	/**
	 * Closes the producer; a transaction still open is aborted, so its requests were
	 * never submitted and a resumed run submits them.
	 */
	@Override
	public void close() {
		try {
			if (this.open) {
				this.producer.abortTransaction();
			}
		}
		catch (KafkaException ex) {
			// Fenced or broken: the broker aborts the transaction on its own.
		}
		finally {
			this.producer.close(Duration.ofSeconds(10));
		}
	}

}
