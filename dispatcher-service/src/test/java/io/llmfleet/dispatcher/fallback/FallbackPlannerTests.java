package io.llmfleet.dispatcher.fallback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.core.catalog.FleetCatalog.Tier;
import io.llmfleet.dispatcher.routing.ModelSelector;
import io.llmfleet.dispatcher.routing.Router;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;

import static org.assertj.core.api.Assertions.assertThat;

class FallbackPlannerTests {

	private static final FleetCatalog CATALOG = new FleetCatalog(
			List.of(new Tier("light", List.of()), new Tier("coding", List.of("light")),
					new Tier("deep", List.of("coding", "light"))),
			List.of(model("l1", "light"), model("c1", "coding"), model("d1", "deep"), model("d2", "deep")));

	private final Router router = new Router(new ModelSelector(CATALOG));

	private final FallbackPlanner planner = new FallbackPlanner(CATALOG, this.router);

	@Test
	void deadLetterTriesTheOtherModelsOfTheTierThenFallsBackToLighterTiers() {
		RoutedRequest attempt = this.router.first(classified("deep", false, true)).orElseThrow();
		List<String> models = new ArrayList<>(List.of(attempt.getModelId()));
		List<String> tiers = new ArrayList<>(List.of(attempt.getTier()));
		for (int i = 0; i < 3; i++) {
			FallbackDecision decision = this.planner.plan(deadLetter(attempt, ErrorKind.CAPACITY));
			attempt = ((FallbackDecision.Reroute) decision).next();
			models.add(attempt.getModelId());
			tiers.add(attempt.getTier());
		}

		assertThat(models).containsExactlyInAnyOrder("d1", "d2", "c1", "l1");
		assertThat(tiers).containsExactly("deep", "deep", "coding", "light");
		assertThat(attempt.getAttempt()).isEqualTo(4);
		assertThat(attempt.getHistory()).extracting((a) -> a.getErrorKind()).containsOnly(ErrorKind.CAPACITY);
		assertThat(attempt.getDecision()).contains("tier=light").contains("after").contains("CAPACITY");
	}

	@Test
	void anExhaustedChainFailsWithEveryAttemptsCause() {
		RoutedRequest attempt = this.router.first(classified("light", false, true)).orElseThrow();

		FallbackDecision decision = this.planner.plan(deadLetter(attempt, ErrorKind.TIMEOUT));

		assertThat(decision).isInstanceOfSatisfying(FallbackDecision.Finish.class, (finish) -> {
			assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.FAILED);
			assertThat(finish.result().getError().getKind()).isEqualTo(ErrorKind.TIMEOUT);
			assertThat(finish.result().getError().getMessage()).contains("l1 (TIMEOUT: boom on l1)");
			assertThat(finish.result().getAttempts()).isEqualTo(1);
		});
	}

	@Test
	void aPinnedRequestFailsInsteadOfFallingBack() {
		ClassifiedRequest pinned = classified("deep", true, true);
		pinned.getRequest().setModel("d1");
		RoutedRequest attempt = this.router.first(pinned).orElseThrow();

		FallbackDecision decision = this.planner.plan(deadLetter(attempt, ErrorKind.CAPACITY));

		assertThat(decision).isInstanceOfSatisfying(FallbackDecision.Finish.class,
				(finish) -> assertThat(finish.result().getError().getMessage()).contains("pinned"));
	}

	@Test
	void aRequestThatForbidsFallbackFails() {
		RoutedRequest attempt = this.router.first(classified("deep", false, false)).orElseThrow();

		FallbackDecision decision = this.planner.plan(deadLetter(attempt, ErrorKind.PERMANENT));

		assertThat(decision).isInstanceOfSatisfying(FallbackDecision.Finish.class,
				(finish) -> assertThat(finish.result().getError().getMessage()).contains("forbids fallback"));
	}

	@Test
	void aPoisonRequestIsRejected() {
		RoutedRequest attempt = this.router.first(classified("deep", false, true)).orElseThrow();

		FallbackDecision decision = this.planner.plan(deadLetter(attempt, ErrorKind.POISON));

		assertThat(decision).isInstanceOfSatisfying(FallbackDecision.Finish.class,
				(finish) -> assertThat(finish.result().getStatus()).isEqualTo(ResultStatus.REJECTED));
	}

	@Test
	void aDeadLetterWithoutARequestIsKept() {
		DeadLetter undecodable = DeadLetter.newBuilder()
			.setErrorKind(ErrorKind.POISON)
			.setReason("not avro")
			.setFailedAt(Instant.now())
			.build();

		assertThat(this.planner.plan(undecodable)).isEqualTo(new FallbackDecision.Keep("not avro"));
	}

	@Test
	void roundRobinSpreadsATiersRequestsOverItsModels() {
		List<String> chosen = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			chosen.add(this.router.first(classified("deep", false, true)).orElseThrow().getModelId());
		}

		assertThat(chosen).containsExactly("d1", "d2", "d1", "d2");
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

	private static ClassifiedRequest classified(String tier, boolean pinned, boolean allowFallback) {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("r-" + System.nanoTime())
			.setMessages(List.of(new ChatMessage("user", "hi")))
			.setAllowFallback(allowFallback)
			.setCreatedAt(Instant.now())
			.build();
		Classification classification = Classification.newBuilder()
			.setTier(tier)
			.setConfidence(0.9)
			.setClassifier("test@1")
			.setPinned(pinned)
			.build();
		return new ClassifiedRequest(request, classification, Instant.now());
	}

	private static Model model(String id, String tier) {
		return new Model(id, "ollama", id, tier, 8192, DataSize.ofGigabytes(1));
	}

}
