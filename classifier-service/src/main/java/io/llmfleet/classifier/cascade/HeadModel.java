package io.llmfleet.classifier.cascade;

import java.util.List;
import java.util.Map;

import io.llmfleet.classifier.model.LinearModel;
import io.llmfleet.classifier.model.ModelFileException;
import io.llmfleet.classifier.model.Softmax;

/**
 * The cascade's second-stage head as data: multinomial logistic regression over a
 * sentence embedding, with the temperature fitted on held-out folds, and the encoder it
 * was trained on ({@code all-minilm-l6-v2-q/128}): a head is only valid on embeddings of
 * that encoder. Immutable and thread-safe.
 *
 * @param name the head's name
 * @param version its version
 * @param tiers the tiers its classes stand for, lightest first
 * @param encoder the id of the encoder whose embeddings it reads
 * @param linear the weights, one row per embedding component
 * @param temperature the logits are divided by it before the softmax
 * @param metadata how it was trained, for people
 */
public record HeadModel(String name, String version, List<String> tiers, String encoder, LinearModel linear,
		double temperature, Map<String, String> metadata) {

	public HeadModel {
		if (tiers.size() != linear.classes()) {
			throw new IllegalArgumentException(
					"Head has " + linear.classes() + " classes but names " + tiers.size() + " tiers " + tiers);
		}
		if (!(temperature > 0)) {
			throw new IllegalArgumentException("Temperature must be positive, was " + temperature);
		}
		tiers = List.copyOf(tiers);
		metadata = Map.copyOf(metadata);
	}

	/** {@code name@version}. */
	public String id() {
		return this.name + "@" + this.version;
	}

	/**
	 * The token limit of the encoder it was trained on.
	 * @throws ModelFileException when it was trained on an encoder this classifier does
	 * not have
	 */
	public int maxTokens() {
		int slash = this.encoder.lastIndexOf('/');
		if (slash < 0 || !this.encoder.substring(0, slash).equals(SentenceEncoder.MODEL)) {
			throw ModelFileException.incompatible(id(),
					"it reads embeddings of " + this.encoder + "; this classifier has only " + SentenceEncoder.MODEL);
		}
		try {
			return Integer.parseInt(this.encoder.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw ModelFileException.incompatible(id(), "its encoder '" + this.encoder + "' names no token limit");
		}
	}

	/** The size of the embedding it reads. */
	public int dimension() {
		return this.linear.dimension();
	}

	/** Calibrated probabilities of the tiers for an embedding. */
	public double[] probabilities(float[] embedding) {
		if (embedding.length != this.linear.dimension()) {
			throw new IllegalArgumentException(
					"Head " + id() + " reads " + this.linear.dimension() + "-d embeddings, got " + embedding.length);
		}
		int classes = this.linear.classes();
		double[] logits = new double[classes];
		for (int c = 0; c < classes; c++) {
			logits[c] = this.linear.bias(c);
		}
		for (int d = 0; d < embedding.length; d++) {
			float value = embedding[d];
			for (int c = 0; c < classes; c++) {
				logits[c] += this.linear.weight(d, c) * value;
			}
		}
		return Softmax.of(logits, this.temperature);
	}

}
