package io.llmfleet.simulator.vllm;

import java.util.List;

import io.llmfleet.simulator.http.HttpError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServedModelsTests {

	private final ServedModels models = new ServedModels(List.of("org/model-a", "org/model-b"), 1000);

	@Test
	void requestWithoutModelUsesTheFirstServedModel() {
		assertThat(this.models.require(null)).isEqualTo("org/model-a");
	}

	@Test
	void unknownModelIsNotFoundInVllmsWords() {
		assertThatExceptionOfType(HttpError.class).isThrownBy(() -> this.models.require("gpt-4"))
			.withMessage("The model `gpt-4` does not exist.")
			.satisfies((error) -> assertThat(error.status()).isEqualTo(404));
	}

	@Test
	void promptPlusMaxTokensOverTheWindowIsRejectedInVllmsWords() {
		assertThatExceptionOfType(HttpError.class).isThrownBy(() -> this.models.checkContext(900, 200))
			.withMessage("This model's maximum context length is 1000 tokens. However, you requested 1100 tokens "
					+ "(900 in the messages, 200 in the completion). "
					+ "Please reduce the length of the messages or completion.");
	}

	@Test
	void promptFillingTheWindowWithoutMaxTokensIsRejected() {
		assertThatExceptionOfType(HttpError.class).isThrownBy(() -> this.models.checkContext(1000, null))
			.withMessage("This model's maximum context length is 1000 tokens. However, you requested 1000 tokens "
					+ "in the messages, Please reduce the length of the messages.");
	}

	@Test
	void withoutMaxTokensTheAnswerMayUseTheRestOfTheWindow() {
		assertThat(this.models.checkContext(900, null)).isEqualTo(100);
		assertThat(this.models.checkContext(800, 200)).isEqualTo(200);
	}

}
