package io.llmfleet.worker.capacity;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InFlightSlotsTests {

	private final InFlightSlots slots = new InFlightSlots(List.of("a", "b"), 2);

	private final AtomicInteger changes = new AtomicInteger();

	@Test
	void countsCallsPerModelAndInTotal() {
		this.slots.acquire("a");
		this.slots.acquire("b");
		InFlightSlots.Slot last = this.slots.acquire("b");

		assertThat(this.slots.inFlight("a")).isEqualTo(1);
		assertThat(this.slots.inFlight("b")).isEqualTo(2);
		assertThat(this.slots.total()).isEqualTo(3);
		assertThat(this.slots.full()).containsExactly("b");

		last.close();

		assertThat(this.slots.inFlight("b")).isEqualTo(1);
		assertThat(this.slots.full()).isEmpty();
	}

	@Test
	void theListenerHearsOnlyWhenSlotsFillOrFreeUp() {
		this.slots.onFullChange(this.changes::incrementAndGet);

		InFlightSlots.Slot first = this.slots.acquire("a");
		assertThat(this.changes).hasValue(0);
		InFlightSlots.Slot second = this.slots.acquire("a");
		assertThat(this.changes).hasValue(1);
		second.close();
		assertThat(this.changes).hasValue(2);
		first.close();
		assertThat(this.changes).hasValue(2);
	}

	@Test
	void closingASlotTwiceFreesItOnce() {
		InFlightSlots.Slot slot = this.slots.acquire("a");
		this.slots.acquire("a");

		slot.close();
		slot.close();

		assertThat(this.slots.inFlight("a")).isEqualTo(1);
	}

	@Test
	void aModelThatIsNotServedIsRefusedNamingTheServedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.slots.acquire("c")).withMessageContaining("[a, b]");
	}

	@Test
	void concurrentCallsLeaveTheCountsBalanced() throws Exception {
		InFlightSlots many = new InFlightSlots(List.of("a"), 4);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		CountDownLatch done = new CountDownLatch(8);
		try {
			for (int t = 0; t < 8; t++) {
				threads.execute(() -> {
					for (int i = 0; i < 10_000; i++) {
						many.acquire("a").close();
					}
					done.countDown();
				});
			}
			assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(many.inFlight("a")).isZero();
	}

}
