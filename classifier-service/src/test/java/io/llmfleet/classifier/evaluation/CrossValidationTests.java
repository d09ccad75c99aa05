package io.llmfleet.classifier.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.TestModels;
import io.llmfleet.classifier.training.Folds;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;

import static org.assertj.core.api.Assertions.assertThat;

class CrossValidationTests {

	@Test
	void everyRowIsPredictedByAModelThatNeverSawIt() {
		List<LabelledPrompt> rows = TestModels.subset();
		ModelTrainer trainer = new ModelTrainer(TestModels.SPEC, TestModels.quickOptions().withoutCalibration());
		Folds folds = Folds.stratified(ModelTrainer.labels(rows, TestModels.TIERS), 3, 1L);
		List<Integer> finished = new ArrayList<>();

		List<Prediction> predictions = CrossValidation.run(rows, TestModels.TIERS, trainer, folds, Overrides.NONE,
				finished::add);

		assertThat(finished).containsExactly(0, 1, 2);
		assertThat(predictions).hasSize(rows.size());
		assertThat(predictions).extracting(Prediction::row).containsExactlyElementsOf(rows);
		assertThat(RoutingMetrics.of(predictions, 3, 0).accuracy()).isGreaterThan(0.75);
	}

	@Test
	void theReportPrintsEveryFigureAndBreakdown() {
		List<LabelledPrompt> rows = TestModels.subset().subList(0, 60);
		List<Prediction> predictions = CrossValidation.predict(TestModels.constant("1", 1, 0, 0), rows, Overrides.NONE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		new EvaluationReport(predictions, TestModels.TIERS, 0.5)
			.print(new PrintStream(out, true, StandardCharsets.UTF_8), true);

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("accuracy", "macro-F1", "ECE", "under-routing",
				"over-routing", "LOSO macro accuracy", "confusion", "by language", "by category", "by source");
	}

}
