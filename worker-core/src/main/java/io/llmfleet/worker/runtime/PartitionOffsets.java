package io.llmfleet.worker.runtime;

import java.util.TreeSet;

/**
 * The offsets of one assigned partition: which records the worker took, which of them are
 * still running, and the offset it may commit. Records are taken in offset order but
 * finish in any order; the committable offset is the lowest one still running, or the one
 * after the last taken when none runs, so a commit never passes a record whose result or
 * dead letter is not written. A record given up (the worker stopped before it finished)
 * stays running here for good and holds the commit back, so it is read again by the
 * partition's next owner. Thread-safe: the polling thread takes and commits, slot threads
 * finish.
 */
final class PartitionOffsets {

	/** No offset: nothing taken, nothing committed. */
	static final long NONE = -1;

	private final TreeSet<Long> running = new TreeSet<>();

	private long next = NONE;

	private long requested = NONE;

	private long confirmed = NONE;

	/**
	 * The worker took a record; offsets come in increasing order.
	 * @param offset the record's offset
	 */
	synchronized void taken(long offset) {
		this.running.add(offset);
		this.next = Math.max(this.next, offset + 1);
	}

	/**
	 * A taken record's exit is written.
	 * @param offset the record's offset
	 */
	synchronized void finished(long offset) {
		this.running.remove(offset);
	}

	/**
	 * Records taken and not finished.
	 * @return their count
	 */
	synchronized int running() {
		return this.running.size();
	}

	/**
	 * The offset to commit, which is the next record to read for a consumer that starts
	 * from it.
	 * @return the lowest running offset, else the one after the last taken; {@link #NONE}
	 * when nothing was taken
	 */
	synchronized long position() {
		return this.running.isEmpty() ? this.next : this.running.first();
	}

	/**
	 * The offset an asynchronous commit should send now, and notes it as sent.
	 * @return the position when it is past the last one sent, else {@link #NONE}
	 */
	synchronized long nextAsyncCommit() {
		long position = position();
		if (position > this.requested) {
			this.requested = position;
			return position;
		}
		return NONE;
	}

	/**
	 * The offset a synchronous commit should send now.
	 * @return the position when it is past the last one the broker confirmed, else
	 * {@link #NONE}
	 */
	synchronized long nextSyncCommit() {
		long position = position();
		return (position > this.confirmed) ? position : NONE;
	}

	/**
	 * The broker confirmed a commit.
	 * @param offset the committed offset
	 */
	synchronized void committed(long offset) {
		this.confirmed = Math.max(this.confirmed, offset);
		this.requested = Math.max(this.requested, this.confirmed);
	}

	/**
	 * An asynchronous commit failed: the next one sends its offset again.
	 * @param offset the offset that was not committed
	 */
	synchronized void commitFailed(long offset) {
		if (this.requested == offset) {
			this.requested = this.confirmed;
		}
	}

}
