package io.llmfleet.cli.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayEvaluationTests {

	static List<LabelledPrompt> prompts;

	static List<TrafficRecord> traffic;

	@TempDir
	static Path dir;

	@BeforeAll
	static void recordTraffic() throws Exception {
		prompts = ReplayFixtures.prompts(240);
		traffic = ReplayFixtures.traffic(prompts);
	}

	@Test
	void theProductionPolicyAgreesWithEveryProductionDecisionAndCostsTheSame() {
		ReplayReport report = ReplayEvaluation.evaluate(traffic, ReplayPolicy.production(), Labels.none(), true);

		assertThat(report.agreement()).isEqualTo(1.0);
		assertThat(report.decided()).isEqualTo(240);
		assertThat(report.changes()).isEmpty();
		assertThat(report.mixAfter()).isEqualTo(report.mixBefore());
		assertThat(report.cost().after()).isEqualTo(report.cost().before());
		assertThat(report.latency().after()).isEqualTo(report.latency().before());
		assertThat(report.sweep().quality()).isEqualTo("agreement with production");
	}

	@Test
	void aHigherConfidenceThresholdSendsRequestsHeavierAndNeverLighter() throws Exception {
		ReplayReport report = ReplayEvaluation.evaluate(traffic, policy("fleet.classifier.confidence-threshold: 0.95"),
				Labels.none(), true);

		List<String> tiers = report.tiers();
		assertThat(report.changes()).isNotEmpty()
			.allSatisfy((change) -> assertThat(tiers.indexOf(change.to())).isGreaterThan(tiers.indexOf(change.from())));
		String lightest = tiers.get(0);
		String heaviest = tiers.get(tiers.size() - 1);
		assertThat(report.mixAfter().get(lightest)).isLessThan(report.mixBefore().get(lightest));
		assertThat(report.mixAfter().get(heaviest)).isGreaterThan(report.mixBefore().get(heaviest));
		assertThat(report.cost().after()).isGreaterThan(report.cost().before());
		assertThat(report.agreement()).isLessThan(1.0);
		assertThat(report.threshold()).isEqualTo(0.95);
	}

	@Test
	void aZeroThresholdSendsRequestsLighterAndNeverHeavier() throws Exception {
		ReplayReport report = ReplayEvaluation.evaluate(traffic, policy("fleet.classifier.confidence-threshold: 0"),
				Labels.none(), false);

		assertThat(report.changes()).isNotEmpty().allSatisfy((change) -> {
			assertThat(report.tiers().indexOf(change.to())).isLessThan(report.tiers().indexOf(change.from()));
			assertThat(change.excerpt()).isNull();
		});
		assertThat(report.cost().after()).isLessThan(report.cost().before());
	}

	@Test
	void labelsScoreBothPoliciesAgainstTheRightTier() throws Exception {
		Path labels = dir.resolve("labels.jsonl");
		List<String> lines = new ArrayList<>();
		int correct = 0;
		for (int i = 0; i < prompts.size(); i++) {
			lines.add("{\"custom_id\": \"" + prompts.get(i).id() + "\", \"tier\": \"" + prompts.get(i).tier() + "\"}");
			correct += prompts.get(i).tier().equals(traffic.get(i).productionTier()) ? 1 : 0;
		}
		Files.write(labels, lines);

		ReplayReport report = ReplayEvaluation.evaluate(traffic, ReplayPolicy.production(), Labels.read(labels), true);

		assertThat(report.labels().labelled()).isEqualTo(240);
		ReplayReport.Counts production = report.labels().production();
		assertThat(production.correct()).isEqualTo(correct);
		assertThat(production.correct() + production.under() + production.over()).isEqualTo(240);
		assertThat(report.labels().candidate()).isEqualTo(production);
		assertThat(report.sweep().quality()).isEqualTo("accuracy against labels");
		assertThat(report.sweep().candidate().quality()).isEqualTo(production.accuracy());
	}

	@Test
	void aRequestTheCandidateRejectsCountsAsRejectedAndCostsNothing() {
		InferenceRequest pinned = InferenceRequest.newBuilder(traffic.get(0).request())
			.setRequestId("pinned")
			.setModel("gpt-5")
			.build();
		List<TrafficRecord> withRejected = List.of(new TrafficRecord(pinned, null, null));

		ReplayReport report = ReplayEvaluation.evaluate(withRejected, ReplayPolicy.production(), Labels.none(), true);

		assertThat(report.mixBefore()).containsEntry(ReplayReport.NONE, 1);
		assertThat(report.mixAfter()).containsEntry(ReplayReport.REJECTED, 1);
		assertThat(report.cost().after()).isZero();
		assertThat(report.decided()).isZero();
	}

	private static ReplayPolicy policy(String yaml) throws Exception {
		Path file = Files.createTempFile(dir, "policy", ".yml");
		Files.writeString(file, yaml + "\n");
		return ReplayPolicy.load(file);
	}

}
