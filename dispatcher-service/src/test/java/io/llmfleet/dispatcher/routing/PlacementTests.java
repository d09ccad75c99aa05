package io.llmfleet.dispatcher.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.llmfleet.dispatcher.DispatcherProperties.WhenFull;
import io.llmfleet.dispatcher.Fleet;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RouteCandidate;
import io.llmfleet.schemas.RoutedRequest;

import static io.llmfleet.dispatcher.Fleet.busy;
import static io.llmfleet.dispatcher.Fleet.classified;
import static io.llmfleet.dispatcher.Fleet.loaded;
import static io.llmfleet.dispatcher.Fleet.outcome;
import static org.assertj.core.api.Assertions.assertThat;

class PlacementTests {

	private final Fleet fleet = new Fleet();

	@Test
	void theModelWithTheLowerMeasuredLatencyWinsWhenBothHaveAFreeSlot() {
		this.fleet.allServed();
		for (int i = 0; i < 5; i++) {
			this.fleet.load.finished(outcome("d1", null, 3000));
			this.fleet.load.finished(outcome("d2", null, 400));
		}

		RoutedRequest routed = route(classified("deep", 10, true));

		assertThat(routed.getModelId()).isEqualTo("d2");
		assertThat(routed.getCandidates()).extracting(RouteCandidate::getModelId).containsExactly("d1", "d2");
		assertThat(routed.getDecision()).contains("tier=deep")
			.contains("d1 ")
			.contains("-> d2: lowest expected completion time");
	}

	@Test
	void aModelWhoseSlotsAreAllBusyLosesToOneWithAFreeSlot() {
		this.fleet.allServed();
		this.fleet.capacity.apply("w-d1", busy(loaded(this.fleet.report("w-d1", 40, "d1"), "d1"), "d1", 2));
		for (int i = 0; i < 5; i++) {
			this.fleet.load.finished(outcome("d1", null, 100));
		}

		assertThat(route(classified("deep", 10, true)).getModelId()).isEqualTo("d2");
	}

	@Test
	void aModelThatIsNotLoadedAndDoesNotFitTheFreeVramIsSkipped() {
		this.fleet.allServed();
		this.fleet.capacity.apply("w-d1", this.fleet.report("w-d1", 2, "d1"));

		RoutedRequest routed = route(classified("deep", 10, true));

		assertThat(routed.getModelId()).isEqualTo("d2");
		assertThat(routed.getCandidates()).filteredOn((candidate) -> candidate.getModelId().equals("d1"))
			.singleElement()
			.satisfies((candidate) -> {
				assertThat(candidate.getEligible()).isFalse();
				assertThat(candidate.getReason()).contains("needs 20.0 GiB VRAM")
					.contains("most free")
					.contains("2.0 GiB");
			});
	}

	@Test
	void aModelThatFitsTheFreeVramIsACandidateWithItsColdLoadCounted() {
		this.fleet.capacity.apply("w-d1", this.fleet.report("w-d1", 30, "d1"));

		RoutedRequest routed = route(classified("deep", 10, false));

		assertThat(routed.getModelId()).isEqualTo("d1");
		assertThat(routed.getCandidates().get(0).getExpectedMs()).isEqualTo(11000.0);
	}

	@Test
	void aWorkerSilentForThreeHeartbeatsIsAvoided() {
		this.fleet.allServed();
		this.fleet.clock.advance(Duration.ofSeconds(7));
		this.fleet.capacity.apply("w-d2", loaded(this.fleet.report("w-d2", 40, "d2"), "d2"));
		for (int i = 0; i < 5; i++) {
			this.fleet.load.finished(outcome("d2", null, 5000));
		}

		RoutedRequest routed = route(classified("deep", 10, true));

		assertThat(routed.getModelId()).isEqualTo("d2");
		assertThat(routed.getCandidates().get(0).getReason()).contains("no live worker");
	}

	@Test
	void aDrainingWorkerTakesNothingMore() {
		this.fleet.allServed();
		var draining = loaded(this.fleet.report("w-d1", 40, "d1"), "d1");
		draining.setDraining(true);
		this.fleet.capacity.apply("w-d1", draining);

		assertThat(route(classified("deep", 10, true)).getModelId()).isEqualTo("d2");
	}

	@Test
	void whenEveryModelOfTheTierIsBusyTheRequestQueuesInItsTier() {
		this.fleet.allServed();
		this.fleet.capacity.apply("w-d1", busy(loaded(this.fleet.report("w-d1", 40, "d1"), "d1"), "d1", 2));
		this.fleet.capacity.apply("w-d2", busy(loaded(this.fleet.report("w-d2", 40, "d2"), "d2"), "d2", 2));

		RoutedRequest routed = route(classified("deep", 10, true));

		assertThat(routed.getTier()).isEqualTo("deep");
		assertThat(routed.getDecision()).contains("every slot busy: queued in its tier");
	}

	@Test
	void withFallbackWhenFullABusyTierSendsTheRequestToALighterTierWithAFreeSlot() {
		Fleet latencyFirst = new Fleet(WhenFull.FALLBACK);
		latencyFirst.allServed();
		latencyFirst.capacity.apply("w-d1", busy(loaded(latencyFirst.report("w-d1", 40, "d1"), "d1"), "d1", 2));
		latencyFirst.capacity.apply("w-d2", busy(loaded(latencyFirst.report("w-d2", 40, "d2"), "d2"), "d2", 2));

		Decision decision = latencyFirst.router.first(classified("deep", 10, true));

		assertThat(((Decision.Route) decision).routed().getModelId()).isEqualTo("c1");
	}

	@Test
	void requestsQueuedOnABusyTierSpreadByExpectedCompletion() {
		this.fleet.allServed();
		this.fleet.capacity.apply("w-d1", busy(loaded(this.fleet.report("w-d1", 40, "d1"), "d1"), "d1", 2));
		this.fleet.capacity.apply("w-d2", busy(loaded(this.fleet.report("w-d2", 40, "d2"), "d2"), "d2", 2));
		int toD1 = 0;
		for (int i = 0; i < 10; i++) {
			RoutedRequest routed = route(classified("deep", 10, true));
			this.fleet.load.routed(routed.getRequest().getRequestId(), routed.getModelId());
			toD1 += routed.getModelId().equals("d1") ? 1 : 0;
		}

		assertThat(toD1).isEqualTo(5);
	}

	@Test
	void withNoLiveWorkerAnywhereTheRequestWaitsInItsTier() {
		this.fleet.allServed();
		this.fleet.clock.advance(Duration.ofMinutes(1));

		RoutedRequest routed = route(classified("deep", 10, true));

		assertThat(routed.getTier()).isEqualTo("deep");
		assertThat(routed.getDecision()).contains("waits for a worker or its deadline");
	}

	@Test
	void modelsNoWorkerReportsOnAreStillServedSoAFleetWithoutReportsWorks() {
		RoutedRequest routed = route(classified("coding", 10, true));

		assertThat(routed.getModelId()).isEqualTo("c1");
		assertThat(routed.getCandidates().get(0).getReason()).contains("no worker has reported serving it");
	}

	@Test
	void aPromptTooLongForTheTiersContextGoesToAHeavierModelWithEnoughContext() {
		this.fleet.allServed();

		RoutedRequest routed = route(classified("coding", 20000, true));

		assertThat(routed.getModelId()).isEqualTo("d2");
		assertThat(routed.getDecision()).contains("needs 20512 tokens (20000 prompt + 512 max_tokens)");
	}

	@Test
	void aPromptTooLongForEveryModelIsRejectedWithTheNumbers() {
		Decision decision = this.fleet.router.first(classified("light", 40000, true));

		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class, (finish) -> {
			assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.REJECTED);
			assertThat(finish.result().getError().getKind()).isEqualTo(ErrorKind.CONTEXT_LENGTH);
			assertThat(finish.result().getError().getMessage()).contains("40512 tokens").contains("32768 (d2)");
		});
	}

	@Test
	void aPinnedModelThatCannotTakeTheRequestIsRecordedAsSkippedWhenFallbackIsAllowed() {
		this.fleet.allServed();
		this.fleet.clock.advance(Duration.ofMinutes(1));
		this.fleet.capacity.apply("w-d2", loaded(this.fleet.report("w-d2", 40, "d2"), "d2"));
		ClassifiedRequest pinned = pinned("d1", true);

		RoutedRequest routed = route(pinned);

		assertThat(routed.getModelId()).isEqualTo("d2");
		assertThat(routed.getHistory()).singleElement().satisfies((Attempt skipped) -> {
			assertThat(skipped.getModelId()).isEqualTo("d1");
			assertThat(skipped.getReason()).contains("pinned model skipped").contains("no live worker");
		});
	}

	@Test
	void aPinnedRequestWithoutFallbackGoesToItsModelWhateverItsState() {
		this.fleet.allServed();
		this.fleet.clock.advance(Duration.ofMinutes(1));

		RoutedRequest routed = route(pinned("d1", false));

		assertThat(routed.getModelId()).isEqualTo("d1");
		assertThat(routed.getDecision()).startsWith("pinned to d1 by the request");
	}

	private ClassifiedRequest pinned(String model, boolean allowFallback) {
		ClassifiedRequest request = classified("deep", 10, allowFallback);
		request.getRequest().setModel(model);
		request.getClassification().setPinned(true);
		return request;
	}

	private RoutedRequest route(ClassifiedRequest request) {
		Decision decision = this.fleet.router.first(request);
		assertThat(decision).isInstanceOf(Decision.Route.class);
		return ((Decision.Route) decision).routed();
	}

}
