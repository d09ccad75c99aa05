package io.llmfleet.classifier.cascade;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SentenceEncoderTests {

	private final SentenceEncoder encoder = SharedEncoder.get();

	@Test
	void promptsThatAskTheSameThingAreCloserThanUnrelatedOnes() {
		float[] reverseList = this.encoder.embed("How do I reverse a linked list in Java?");
		float[] sameAsk = this.encoder.embed("Write a Java method that reverses a singly linked list.");
		float[] capital = this.encoder.embed("What is the capital of France?");
		float[] paris = this.encoder.embed("Which city is France's capital?");

		assertThat(cosine(reverseList, sameAsk)).isGreaterThan(cosine(reverseList, capital) + 0.4);
		assertThat(cosine(capital, paris)).isGreaterThan(cosine(capital, sameAsk) + 0.4);
	}

	@Test
	void anEmbeddingIsUnitLengthAndTheSameEveryTime() {
		float[] first = this.encoder.embed("Summarise the causes of the French Revolution.");
		float[] second = this.encoder.embed("Summarise the causes of the French Revolution.");

		assertThat(first).hasSize(SentenceEncoder.DIMENSION).containsExactly(second);
		assertThat(cosine(first, first)).isCloseTo(1.0, within(1e-5));
	}

	@Test
	void onlyTheFirstMaxTokensOfAPromptAreRead() {
		String opening = "Please read the following notes about the history of the river trade. ".repeat(20);

		assertThat(this.encoder.tokens(opening)).isEqualTo(this.encoder.maxTokens());
		assertThat(this.encoder.embed(opening + "Then write a poem."))
			.containsExactly(this.encoder.embed(opening + "Then fix this Python stack trace."));
		assertThat(this.encoder.id()).isEqualTo("all-minilm-l6-v2-q/128");
	}

	@Test
	void aTokenLimitOutsideTheModelsRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SentenceEncoder.load(1024)).withMessageContaining("1024");
	}

	static double cosine(float[] a, float[] b) {
		double dot = 0;
		double na = 0;
		double nb = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			na += a[i] * a[i];
			nb += b[i] * b[i];
		}
		return dot / Math.sqrt(na * nb);
	}

}
