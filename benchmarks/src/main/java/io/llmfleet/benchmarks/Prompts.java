package io.llmfleet.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

/**
 * The benchmark prompts: every prompt of the training file, in file order, each also as a
 * one-message request, handed out in turn so a benchmark averages over the real length
 * and language mix. Not thread-safe: one per benchmark thread.
 */
final class Prompts {

	private final List<String> prompts;

	private final List<InferenceRequest> requests;

	private int next;

	private Prompts(List<String> prompts) {
		this.prompts = prompts;
		this.requests = prompts.stream()
			.map((prompt) -> InferenceRequest.newBuilder()
				.setRequestId("bench")
				.setMessages(List.of(new ChatMessage("user", prompt)))
				.setCreatedAt(Instant.EPOCH)
				.build())
			.toList();
	}

	/**
	 * The prompts of {@code data/routing-train.jsonl}, found from the project root or a
	 * module.
	 */
	static Prompts training() {
		for (Path candidate : List.of(Path.of("data", "routing-train.jsonl"),
				Path.of("..", "data", "routing-train.jsonl"))) {
			if (Files.exists(candidate)) {
				try {
					return new Prompts(TrainingData.read(candidate).stream().map(LabelledPrompt::prompt).toList());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		throw new IllegalStateException("Run from the project root: data/routing-train.jsonl not found");
	}

	/** The next prompt, from the first again after the last. */
	String nextPrompt() {
		return this.prompts.get(advance());
	}

	/** The next prompt as a request, from the first again after the last. */
	InferenceRequest nextRequest() {
		return this.requests.get(advance());
	}

	private int advance() {
		int current = this.next;
		this.next = (current + 1 == this.prompts.size()) ? 0 : current + 1;
		return current;
	}

}
