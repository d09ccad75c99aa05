package io.llmfleet.classifier.cascade;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cascade's settings, under {@code fleet.classifier.cascade}.
 *
 * @param enabled whether the second stage is asked at all
 * @param model the second stage's head: {@code classpath:...} for the shipped one, or a
 * file path (read at start-up)
 * @param threshold below this first-stage confidence the second stage is asked
 * @param weight the second stage's share of the combined probabilities (1: the second
 * stage decides alone)
 */
public record CascadeProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue(DEFAULT_MODEL) @NotBlank String model,
		@DefaultValue("0.6") @DecimalMin("0") @DecimalMax("1") double threshold,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double weight) {

	/** The head shipped in the classifier's jar. */
	public static final String DEFAULT_MODEL = "classpath:models/cascade-head.bin";

	/** The defaults, as configuration would bind them. */
	public static CascadeProperties defaults() {
		return new CascadeProperties(false, DEFAULT_MODEL, 0.6, 0.5);
	}

}
