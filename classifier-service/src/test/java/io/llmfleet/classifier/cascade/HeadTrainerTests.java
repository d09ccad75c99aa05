package io.llmfleet.classifier.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.TestModels;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.ModelTrainer;
import io.llmfleet.classifier.training.TrainingOptions;

import static org.assertj.core.api.Assertions.assertThat;

class HeadTrainerTests {

	private static final TrainingOptions QUICK = new TrainingOptions(1e-3, 100, 1e-6, 1, true, 3, 7L);

	private static List<LabelledPrompt> train;

	private static List<LabelledPrompt> test;

	private static List<float[]> trainEmbeddings;

	private static List<float[]> testEmbeddings;

	@BeforeAll
	static void embed() {
		// Every other row of the test subset to train, the rest to test: about 300 each.
		train = new ArrayList<>();
		test = new ArrayList<>();
		List<LabelledPrompt> subset = TestModels.subset();
		for (int i = 0; i < subset.size(); i++) {
			((i % 2 == 0) ? train : test).add(subset.get(i));
		}
		SentenceEncoder encoder = SharedEncoder.get();
		trainEmbeddings = Embeddings.of(encoder, train.stream().map(LabelledPrompt::prompt).toList(), 2, (n) -> {
		});
		testEmbeddings = Embeddings.of(encoder, test.stream().map(LabelledPrompt::prompt).toList(), 2, (n) -> {
		});
	}

	@Test
	void aHeadOnEmbeddingsTellsTiersApartOnPromptsItNeverSaw() {
		HeadModel head = new HeadTrainer(QUICK).train(trainEmbeddings, ModelTrainer.labels(train, TestModels.TIERS),
				TestModels.TIERS, SharedEncoder.get().id(), "head", "1", Map.of());

		int[] labels = ModelTrainer.labels(test, TestModels.TIERS);
		int correct = 0;
		for (int i = 0; i < labels.length; i++) {
			double[] probabilities = head.probabilities(testEmbeddings.get(i));
			int best = 0;
			for (int c = 1; c < probabilities.length; c++) {
				best = (probabilities[c] > probabilities[best]) ? c : best;
			}
			correct += (best == labels[i]) ? 1 : 0;
		}
		// Three tiers: chance is a third, the majority tier under a half.
		assertThat((double) correct / labels.length).isGreaterThan(0.7);
		assertThat(head.temperature()).isBetween(0.05, 20.0);
		assertThat(head.metadata()).containsEntry("rows", Integer.toString(train.size()));
	}

	@Test
	void trainingIsDeterministic() {
		int[] labels = ModelTrainer.labels(train, TestModels.TIERS);
		HeadTrainer trainer = new HeadTrainer(QUICK);

		assertThat(trainer.fit(trainEmbeddings, labels, 3)).isEqualTo(trainer.fit(trainEmbeddings, labels, 3));
	}

	@Test
	void embeddingOnSeveralThreadsGivesTheSameVectorsAsOne() {
		List<String> prompts = train.subList(0, 20).stream().map(LabelledPrompt::prompt).toList();

		List<float[]> parallel = Embeddings.of(SharedEncoder.get(), prompts, 3, (n) -> {
		});

		for (int i = 0; i < prompts.size(); i++) {
			assertThat(parallel.get(i)).containsExactly(trainEmbeddings.get(i));
		}
	}

}
