package io.llmfleet.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextGeneratorTests {

	private final TextGenerator generator = new TextGenerator(48);

	private final GenerationRequest request = GenerationRequest
		.ofChat(List.of(new ChatMessage("user", "Why is the sky blue during the day?")));

	@Test
	void sameRequestAndSeedGiveTheSameAnswer() {
		assertThat(this.generator.generate(this.request.withSeed(7)))
			.isEqualTo(new TextGenerator(48).generate(this.request.withSeed(7)));
	}

	@Test
	void anotherSeedGivesAnotherAnswer() {
		assertThat(this.generator.generate(this.request.withSeed(1)).text())
			.isNotEqualTo(this.generator.generate(this.request.withSeed(2)).text());
	}

	@Test
	void answerQuotesTheFirstWordsOfTheLastUserMessage() {
		assertThat(this.generator.generate(this.request).text())
			.startsWith("Simulated answer to \"Why is the sky blue during\":");
	}

	@Test
	void uncappedAnswerHasNaturalLengthAndStops() {
		Completion completion = this.generator.generate(this.request);
		assertThat(completion.tokenCount()).isEqualTo(48);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
	}

	@Test
	void capBelowNaturalLengthCutsTheAnswerForLength() {
		Completion completion = this.generator.generate(this.request.withMaxTokens(5));
		assertThat(completion.tokenCount()).isEqualTo(5);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.LENGTH);
	}

	@Test
	void capAboveNaturalLengthDoesNotLengthenTheAnswer() {
		Completion completion = this.generator.generate(this.request.withMaxTokens(1000));
		assertThat(completion.tokenCount()).isEqualTo(48);
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
	}

	@Test
	void stopSequenceEndsTheAnswerBeforeIt() {
		Completion completion = this.generator.generate(this.request.withStop(List.of("sky")));
		assertThat(completion.text()).isEqualTo("Simulated answer to \"Why is the ");
		assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
	}

	@Test
	void reportedTokenCountMatchesTheTokenizer() {
		Completion completion = this.generator.generate(this.request.withSeed(3));
		assertThat(Tokens.count(completion.text())).isEqualTo(completion.tokenCount());
	}

	@Test
	void emptyPromptIsQuotedAsYourMessage() {
		assertThat(this.generator.generate(GenerationRequest.ofChat(List.of())).text())
			.startsWith("Simulated answer to \"your message\"");
	}

}
