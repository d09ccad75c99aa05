package io.llmfleet.classifier.training;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FoldsTests {

	@Test
	void stratifiedFoldsShareEachLabelEvenly() {
		int[] labels = IntStream.range(0, 90).map((i) -> (i < 60) ? 0 : 1).toArray();

		Folds folds = Folds.stratified(labels, 3, 5L);

		for (int fold = 0; fold < 3; fold++) {
			int f = fold;
			long zeros = IntStream.range(0, 90).filter((i) -> folds.foldOf()[i] == f && labels[i] == 0).count();
			long ones = IntStream.range(0, 90).filter((i) -> folds.foldOf()[i] == f && labels[i] == 1).count();
			assertThat(zeros).isEqualTo(20);
			assertThat(ones).isEqualTo(10);
		}
	}

	@Test
	void theSameSeedGivesTheSameFolds() {
		int[] labels = IntStream.range(0, 50).map((i) -> i % 3).toArray();

		assertThat(Folds.stratified(labels, 5, 9L).foldOf()).containsExactly(Folds.stratified(labels, 5, 9L).foldOf());
	}

	@Test
	void leaveOneSourceOutHasOneFoldPerSourceInNameOrder() {
		Folds folds = Folds.bySource(List.of("tldr", "gsm8k", "tldr", "clinc"));

		assertThat(folds.names()).containsExactly("clinc", "gsm8k", "tldr");
		assertThat(folds.foldOf()).containsExactly(2, 1, 2, 0);
	}

	@Test
	void oneFoldIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Folds.stratified(new int[] { 0, 1 }, 1, 1L))
			.withMessageContaining("k >= 2");
	}

}
