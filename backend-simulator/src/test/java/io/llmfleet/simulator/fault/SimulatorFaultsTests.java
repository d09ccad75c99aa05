package io.llmfleet.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimulatorFaultsTests {

	private final SimulatorFaults faults = new SimulatorFaults("test");

	private List<Boolean> fired(String model, int calls) {
		List<Boolean> fired = new ArrayList<>();
		IntStream.range(0, calls).forEach((call) -> fired.add(this.faults.next(model) != null));
		return fired;
	}

	@Test
	void withoutFaultsEveryCallGoesThrough() {
		assertThat(fired("m", 3)).containsExactly(false, false, false);
		assertThat(this.faults.extraLoadTime("m")).isZero();
	}

	@Test
	void rateOneFiresOnEveryCall() {
		this.faults.set(Fault.error(500));
		assertThat(fired("m", 4)).containsExactly(true, true, true, true);
	}

	@Test
	void fractionalRateFiresEvenlyAndDeterministically() {
		this.faults.set(Fault.error(500).withRate(0.5));
		assertThat(fired("m", 6)).containsExactly(false, true, false, true, false, true);
		this.faults.set(Fault.error(500).withRate(0.25));
		assertThat(fired("m", 8)).containsExactly(false, false, false, true, false, false, false, true);
		this.faults.set(Fault.error(500).withRate(0.1));
		assertThat(fired("m", 100).stream().filter((fired) -> fired)).hasSize(10);
	}

	@Test
	void timesFailsTheNextCallsThenLetsCallsThrough() {
		this.faults.set(Fault.overloaded().withTimes(2));
		assertThat(fired("m", 4)).containsExactly(true, true, false, false);
		ActiveFault used = this.faults.list().get(0);
		assertThat(used.fired()).isEqualTo(2);
		assertThat(used.remaining()).isZero();
		assertThat(used.live()).isFalse();
	}

	@Test
	void faultForOneModelLeavesOthersAlone() {
		SimulatorFaults ollamaLike = new SimulatorFaults("test",
				(name) -> name.contains(":") ? name : name + ":latest");
		ollamaLike.set(Fault.outOfMemory().forModel("mistral"));
		assertThat(ollamaLike.next("llama3.2:3b")).isNull();
		assertThat(ollamaLike.next("mistral:latest")).isEqualTo(Fault.outOfMemory().forModel("mistral"));
		assertThat(ollamaLike.list().get(0).calls()).isEqualTo(1);
	}

	@Test
	void firstFaultThatFiresDecides() {
		this.faults.set(Fault.error(500).once(), Fault.overloaded());
		assertThat(this.faults.next("m").kind()).isEqualTo(FaultKind.ERROR);
		assertThat(this.faults.next("m").kind()).isEqualTo(FaultKind.OVERLOADED);
		this.faults.add(Fault.hang());
		assertThat(this.faults.list()).extracting(ActiveFault::id).containsExactly(1L, 2L, 3L);
	}

	@Test
	void slowLoadsAreAskedForSeparately() {
		this.faults.set(Fault.slowLoad(Duration.ofSeconds(3)).once());
		assertThat(this.faults.next("m")).isNull();
		assertThat(this.faults.extraLoadTime("m")).isEqualTo(Duration.ofSeconds(3));
		assertThat(this.faults.extraLoadTime("m")).isZero();
	}

	@Test
	void clearRemovesFaultsAndReleasesHangingRequests() throws Exception {
		this.faults.set(Fault.hang());
		Fault hang = this.faults.next("m");
		CompletableFuture<Void> request = CompletableFuture.runAsync(() -> hangUninterrupted(hang));
		await().atMost(10, TimeUnit.SECONDS).until(() -> this.faults.hanging() == 1);
		assertThat(request).isNotDone();
		this.faults.clear();
		request.get(10, TimeUnit.SECONDS);
		assertThat(this.faults.hanging()).isZero();
		assertThat(this.faults.list()).isEmpty();
	}

	@Test
	void hangWithDelayEndsByItself() throws InterruptedException {
		this.faults.hang(Fault.hang().withDelay(Duration.ofMillis(20)));
		assertThat(this.faults.hanging()).isZero();
	}

	@Test
	void canonicalFormIsAppliedToBothNames() {
		SimulatorFaults lowerCase = new SimulatorFaults("test", (name) -> name.toLowerCase());
		lowerCase.set(Fault.hang().forModel("Model-A"));
		assertThat(lowerCase.next("model-a")).isNotNull();
		assertThat(new SimulatorFaults("test", UnaryOperator.identity()).next(null)).isNull();
	}

	private void hangUninterrupted(Fault hang) {
		try {
			this.faults.hang(hang);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
