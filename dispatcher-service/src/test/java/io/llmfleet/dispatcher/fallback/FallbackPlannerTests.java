package io.llmfleet.dispatcher.fallback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.dispatcher.Fleet;
import io.llmfleet.dispatcher.routing.Decision;
import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;

import static io.llmfleet.dispatcher.Fleet.classified;
import static org.assertj.core.api.Assertions.assertThat;

class FallbackPlannerTests {

	private final Fleet fleet = new Fleet();

	FallbackPlannerTests() {
		this.fleet.allServed();
	}

	@Test
	void aFailedAttemptGoesToTheOtherModelsOfItsTierThenDownTheChain() {
		RoutedRequest attempt = first(classified("deep", 10, true));
		List<String> models = new ArrayList<>(List.of(attempt.getModelId()));
		for (int i = 0; i < 3; i++) {
			attempt = reroute(this.fleet.planner.plan(deadLetter(attempt, ErrorKind.CAPACITY)));
			models.add(attempt.getModelId());
		}

		assertThat(models).containsExactly("d1", "d2", "c1", "l1");
		assertThat(attempt.getAttempt()).isEqualTo(4);
		assertThat(attempt.getHistory()).extracting(Attempt::getErrorKind).containsOnly(ErrorKind.CAPACITY);
		assertThat(attempt.getDecision()).contains("after c1 failed with CAPACITY, attempt 3");
	}

	@Test
	void attemptsAreCappedAndTheResultListsEveryCause() {
		RoutedRequest attempt = first(classified("deep", 10, true));
		for (int i = 0; i < 3; i++) {
			attempt = reroute(this.fleet.planner.plan(deadLetter(attempt, ErrorKind.TIMEOUT)));
		}

		Decision.Finish finish = (Decision.Finish) this.fleet.planner.plan(deadLetter(attempt, ErrorKind.TIMEOUT));

		assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.FAILED);
		assertThat(finish.result().getAttempts()).isEqualTo(4);
		assertThat(finish.result().getHistory()).extracting(Attempt::getModelId)
			.containsExactly("d1", "d2", "c1", "l1");
		assertThat(finish.result().getError().getMessage()).contains("Gave up after 4 attempts")
			.contains("l1 (TIMEOUT: boom on l1)");
	}

	@Test
	void anExhaustedChainFailsWithEveryAttemptsCause() {
		RoutedRequest attempt = first(classified("light", 10, true));

		Decision decision = this.fleet.planner.plan(deadLetter(attempt, ErrorKind.TIMEOUT));

		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class, (finish) -> {
			assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.FAILED);
			assertThat(finish.result().getError().getKind()).isEqualTo(ErrorKind.TIMEOUT);
			assertThat(finish.result().getError().getMessage()).contains("l1 (TIMEOUT: boom on l1)");
			assertThat(finish.result().getAttempts()).isEqualTo(1);
			assertThat(finish.result().getModelId()).isEqualTo("l1");
		});
	}

	@Test
	void aContextLengthFailureEscalatesToALargerContextInsteadOfGoingLighter() {
		RoutedRequest attempt = first(classified("coding", 10, true));

		RoutedRequest next = reroute(this.fleet.planner.plan(deadLetter(attempt, ErrorKind.CONTEXT_LENGTH)));

		assertThat(next.getModelId()).isEqualTo("d2");
		assertThat(next.getDecision()).contains("more than a context that refused it");
	}

	@Test
	void aPermanentFailureIsNotRetried() {
		RoutedRequest attempt = first(classified("deep", 10, true));

		Decision decision = this.fleet.planner.plan(deadLetter(attempt, ErrorKind.PERMANENT));

		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class, (finish) -> {
			assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.FAILED);
			assertThat(finish.result().getError().getMessage()).contains("PERMANENT failures are not retried");
		});
	}

	@Test
	void aPinnedRequestWithoutFallbackFailsWithTheCause() {
		ClassifiedRequest pinned = classified("deep", 10, false);
		pinned.getRequest().setModel("d1");
		pinned.getClassification().setPinned(true);
		RoutedRequest attempt = first(pinned);

		Decision decision = this.fleet.planner.plan(deadLetter(attempt, ErrorKind.CAPACITY));

		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class,
				(finish) -> assertThat(finish.result().getError().getMessage())
					.contains("pinned to it without fallback")
					.contains("d1 (CAPACITY: boom on d1)"));
	}

	@Test
	void aPinnedRequestThatAllowsFallbackFallsBackAndSaysFromWhere() {
		ClassifiedRequest pinned = classified("deep", 10, true);
		pinned.getRequest().setModel("d2");
		pinned.getClassification().setPinned(true);
		RoutedRequest attempt = first(pinned);

		RoutedRequest next = reroute(this.fleet.planner.plan(deadLetter(attempt, ErrorKind.CAPACITY)));

		assertThat(next.getModelId()).isEqualTo("d1");
		assertThat(next.getHistory()).extracting(Attempt::getModelId).containsExactly("d2");
	}

	@Test
	void aRequestThatForbidsFallbackStaysInItsTierThenFails() {
		RoutedRequest attempt = first(classified("deep", 10, false));
		RoutedRequest second = reroute(this.fleet.planner.plan(deadLetter(attempt, ErrorKind.CAPACITY)));

		Decision decision = this.fleet.planner.plan(deadLetter(second, ErrorKind.CAPACITY));

		assertThat(second.getTier()).isEqualTo("deep");
		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class, (finish) -> {
			assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.FAILED);
			assertThat(finish.result().getError().getMessage()).contains("forbids falling back to a lighter tier")
				.contains("d1 (CAPACITY")
				.contains("d2 (CAPACITY");
		});
	}

	@Test
	void aRequestPastItsDeadlineExpiresInsteadOfBeingRerouted() {
		ClassifiedRequest request = classified("deep", 10, true);
		request.getRequest().setDeadlineAt(Instant.now().minusSeconds(1));
		RoutedRequest attempt = first(request);

		Decision decision = this.fleet.planner.plan(deadLetter(attempt, ErrorKind.TIMEOUT));

		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class,
				(finish) -> assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.EXPIRED));
	}

	@Test
	void aPoisonRequestIsRejected() {
		RoutedRequest attempt = first(classified("deep", 10, true));

		Decision decision = this.fleet.planner.plan(deadLetter(attempt, ErrorKind.POISON));

		assertThat(decision).isInstanceOfSatisfying(Decision.Finish.class,
				(finish) -> assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.REJECTED));
	}

	@Test
	void aDeadLetterWithoutARequestIsKept() {
		DeadLetter undecodable = DeadLetter.newBuilder()
			.setErrorKind(ErrorKind.POISON)
			.setReason("not avro")
			.setFailedAt(Instant.now())
			.build();

		assertThat(this.fleet.planner.plan(undecodable)).isEqualTo(new Decision.Keep("not avro"));
	}

	private RoutedRequest first(ClassifiedRequest request) {
		return reroute(this.fleet.router.first(request));
	}

	private static RoutedRequest reroute(Decision decision) {
		assertThat(decision).isInstanceOf(Decision.Route.class);
		return ((Decision.Route) decision).routed();
	}

	private static DeadLetter deadLetter(RoutedRequest routed, ErrorKind kind) {
		return DeadLetter.newBuilder()
			.setRouted(routed)
			.setErrorKind(kind)
			.setReason("boom on " + routed.getModelId())
			.setWorkerId("w1")
			.setFailedAt(Instant.now())
			.build();
	}

}
