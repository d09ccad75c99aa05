package io.llmfleet.classifier.cascade;

import java.util.List;

import io.llmfleet.classifier.model.ModelFileException;
import io.llmfleet.classifier.model.TierPredictor;

/**
 * The cascade's second stage: the prompt's sentence embedding ({@link SentenceEncoder})
 * read by a {@link HeadModel}. About a hundred times slower than the first stage, which
 * is why the cascade asks it only when the first stage is unsure. Thread-safe;
 * {@link #close()} releases the encoder.
 */
public final class EmbeddingStage implements TierPredictor, AutoCloseable {

	private final SentenceEncoder encoder;

	private final HeadModel head;

	/**
	 * A stage.
	 * @param encoder the encoder the head was trained on
	 * @param head the head
	 * @throws ModelFileException when the head was trained on another encoder
	 */
	public EmbeddingStage(SentenceEncoder encoder, HeadModel head) {
		if (!encoder.id().equals(head.encoder()) || head.dimension() != SentenceEncoder.DIMENSION) {
			throw ModelFileException.incompatible(head.id(),
					"it reads embeddings of " + head.encoder() + " (" + head.dimension() + "-d), not of " + encoder.id()
							+ ": retrain it with 'fleet classifier train" + " --cascade-out'");
		}
		this.encoder = encoder;
		this.head = head;
	}

	/** Loads the encoder the head names and joins them. */
	public static EmbeddingStage load(HeadModel head) {
		return new EmbeddingStage(SentenceEncoder.load(head.maxTokens()), head);
	}

	@Override
	public String id() {
		return this.head.id();
	}

	@Override
	public List<String> tiers() {
		return this.head.tiers();
	}

	@Override
	public double[] predict(String prompt) {
		return this.head.probabilities(this.encoder.embed(prompt));
	}

	public HeadModel head() {
		return this.head;
	}

	public SentenceEncoder encoder() {
		return this.encoder;
	}

	/** Releases the encoder's native session. */
	@Override
	public void close() {
		this.encoder.close();
	}

}
