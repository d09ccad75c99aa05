package io.llmfleet.worker.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionOffsetsTests {

	private final PartitionOffsets offsets = new PartitionOffsets();

	@Test
	void nothingTakenIsNothingToCommit() {
		assertThat(this.offsets.position()).isEqualTo(PartitionOffsets.NONE);
		assertThat(this.offsets.nextAsyncCommit()).isEqualTo(PartitionOffsets.NONE);
		assertThat(this.offsets.nextSyncCommit()).isEqualTo(PartitionOffsets.NONE);
	}

	@Test
	void aRecordRunningHoldsTheCommitAtItsOwnOffset() {
		this.offsets.taken(10);

		assertThat(this.offsets.position()).isEqualTo(10);
		assertThat(this.offsets.running()).isEqualTo(1);
	}

	@Test
	void recordsFinishingOutOfOrderCommitOnlyPastTheLowestStillRunning() {
		this.offsets.taken(10);
		this.offsets.taken(11);
		this.offsets.taken(12);

		this.offsets.finished(12);
		this.offsets.finished(11);
		assertThat(this.offsets.position()).isEqualTo(10);

		this.offsets.finished(10);
		assertThat(this.offsets.position()).isEqualTo(13);
		assertThat(this.offsets.running()).isZero();
	}

	@Test
	void aRecordGivenUpHoldsTheCommitForGood() {
		this.offsets.taken(10);
		this.offsets.taken(11);

		this.offsets.finished(11);
		this.offsets.taken(12);
		this.offsets.finished(12);

		assertThat(this.offsets.position()).isEqualTo(10);
	}

	@Test
	void anAsynchronousCommitIsSentOncePerNewPosition() {
		this.offsets.taken(0);
		this.offsets.finished(0);

		assertThat(this.offsets.nextAsyncCommit()).isEqualTo(1);
		assertThat(this.offsets.nextAsyncCommit()).isEqualTo(PartitionOffsets.NONE);

		this.offsets.taken(1);
		this.offsets.finished(1);
		assertThat(this.offsets.nextAsyncCommit()).isEqualTo(2);
	}

	@Test
	void aFailedAsynchronousCommitIsSentAgain() {
		this.offsets.taken(0);
		this.offsets.finished(0);
		long sent = this.offsets.nextAsyncCommit();

		this.offsets.commitFailed(sent);

		assertThat(this.offsets.nextAsyncCommit()).isEqualTo(1);
	}

	@Test
	void aSynchronousCommitCoversWhatIsSentButNotConfirmed() {
		this.offsets.taken(0);
		this.offsets.finished(0);
		this.offsets.nextAsyncCommit();

		assertThat(this.offsets.nextSyncCommit()).isEqualTo(1);

		this.offsets.committed(1);
		assertThat(this.offsets.nextSyncCommit()).isEqualTo(PartitionOffsets.NONE);
		assertThat(this.offsets.nextAsyncCommit()).isEqualTo(PartitionOffsets.NONE);
	}

	@Test
	void aLateConfirmationOfAnOlderCommitDoesNotMoveTheCommitBack() {
		this.offsets.taken(0);
		this.offsets.finished(0);
		this.offsets.nextAsyncCommit();
		this.offsets.taken(1);
		this.offsets.finished(1);
		this.offsets.nextAsyncCommit();

		this.offsets.committed(2);
		this.offsets.committed(1);

		assertThat(this.offsets.nextSyncCommit()).isEqualTo(PartitionOffsets.NONE);
	}

}
