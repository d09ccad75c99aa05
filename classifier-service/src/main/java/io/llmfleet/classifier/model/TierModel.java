package io.llmfleet.classifier.model;

import java.util.List;
import java.util.Map;

import io.llmfleet.classifier.features.FeatureSpec;
import io.llmfleet.classifier.features.PromptFeatures;
import io.llmfleet.classifier.features.PromptSignals;

/**
 * The first-stage tier model: hashed features, multinomial logistic regression, and a
 * temperature fitted on held-out predictions so that its probabilities are calibrated.
 * Immutable and thread-safe; prediction builds no feature vector, it adds each feature's
 * weights to the logits as the extractor streams them.
 */
public final class TierModel implements TierPredictor {

	private final String name;

	private final String version;

	private final List<String> tiers;

	private final PromptFeatures features;

	private final LinearModel linear;

	private final double temperature;

	private final Map<String, String> metadata;

	/**
	 * A model.
	 * @param name the model's name
	 * @param version its version
	 * @param tiers the tiers its classes stand for, lightest first
	 * @param spec the features it was trained on
	 * @param linear the weights
	 * @param temperature the logits are divided by it before the softmax
	 * @param metadata how it was trained (data digest, options, figures), for people
	 */
	public TierModel(String name, String version, List<String> tiers, FeatureSpec spec, LinearModel linear,
			double temperature, Map<String, String> metadata) {
		if (tiers.size() != linear.classes()) {
			throw new IllegalArgumentException(
					"Model has " + linear.classes() + " classes but names " + tiers.size() + " tiers " + tiers);
		}
		if (linear.dimension() != spec.dimension()) {
			throw new IllegalArgumentException("Model weights cover " + linear.dimension()
					+ " features but its feature spec has " + spec.dimension());
		}
		if (!(temperature > 0)) {
			throw new IllegalArgumentException("Temperature must be positive, was " + temperature);
		}
		this.name = name;
		this.version = version;
		this.tiers = List.copyOf(tiers);
		this.features = new PromptFeatures(spec);
		this.linear = linear;
		this.temperature = temperature;
		this.metadata = Map.copyOf(metadata);
	}

	@Override
	public String id() {
		return this.name + "@" + this.version;
	}

	public String name() {
		return this.name;
	}

	public String version() {
		return this.version;
	}

	@Override
	public List<String> tiers() {
		return this.tiers;
	}

	public FeatureSpec spec() {
		return this.features.spec();
	}

	public LinearModel linear() {
		return this.linear;
	}

	public double temperature() {
		return this.temperature;
	}

	public Map<String, String> metadata() {
		return this.metadata;
	}

	@Override
	public double[] predict(String prompt) {
		return score(prompt).probabilities();
	}

	/** The calibrated probabilities of each tier and the prompt's signals. */
	public Scored score(String prompt) {
		double[] logits = new double[this.linear.classes()];
		PromptSignals signals = this.features.extract(prompt, this.linear.accumulator(logits));
		return new Scored(Softmax.of(logits, this.temperature), signals);
	}

	/**
	 * A prediction with what was read on the way.
	 *
	 * @param probabilities calibrated probability per tier, lightest first
	 * @param signals the prompt's structural signals
	 */
	public record Scored(double[] probabilities, PromptSignals signals) {
	}

}
