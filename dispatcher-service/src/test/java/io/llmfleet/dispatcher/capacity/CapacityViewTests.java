package io.llmfleet.dispatcher.capacity;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.dispatcher.Fleet;
import io.llmfleet.schemas.ModelSlots;

import static io.llmfleet.dispatcher.Fleet.loaded;
import static org.assertj.core.api.Assertions.assertThat;

class CapacityViewTests {

	private final Fleet fleet = new Fleet();

	@Test
	void slotsOfEveryLiveWorkerThatCanHostTheModelAddUp() {
		var first = loaded(this.fleet.report("w1", 1, "d1"), "d1");
		first.setSlots(List.of(new ModelSlots("d1", 2, 2)));
		this.fleet.capacity.apply("w1", first);
		this.fleet.capacity.apply("w2", this.fleet.report("w2", 30, "d1"));

		ModelCapacity capacity = this.fleet.capacity.of(Fleet.CATALOG.model("d1").orElseThrow());

		assertThat(capacity.liveWorkers()).isEqualTo(2);
		assertThat(capacity.slots()).isEqualTo(4);
		assertThat(capacity.inFlight()).isEqualTo(2);
		assertThat(capacity.withFreeSlot()).isEqualTo(1);
		assertThat(capacity.loaded()).isTrue();
	}

	@Test
	void aTombstoneForgetsTheWorker() {
		this.fleet.capacity.apply("w1", this.fleet.report("w1", 30, "d1"));

		this.fleet.capacity.apply("w1", null);

		assertThat(this.fleet.capacity.live()).isEmpty();
		assertThat(this.fleet.capacity.of(Fleet.CATALOG.model("d1").orElseThrow()).reported()).isFalse();
	}

}
