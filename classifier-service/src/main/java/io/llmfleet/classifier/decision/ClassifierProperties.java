package io.llmfleet.classifier.decision;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.language.LanguageProperties;
import io.llmfleet.classifier.rules.Rule;

/**
 * The classifier's settings, under {@code fleet.classifier}.
 *
 * @param model the tier model: {@code classpath:...} for the shipped one, or a file path
 * that is watched for a new model
 * @param reloadInterval how often a model file is checked for a change; zero never checks
 * @param confidenceThreshold below this calibrated confidence a request goes one tier
 * heavier: a cheap mistake beats a wrong answer ({@code fleet classifier calibrate} picks
 * it)
 * @param rules strong-signal rules that override the model, each naming its tier
 * @param language language detection
 * @param cascade the second stage, asked only when the first stage is unsure
 */
@Validated
@ConfigurationProperties("fleet.classifier")
public record ClassifierProperties(@DefaultValue(DEFAULT_MODEL) @NotBlank String model,
		@DefaultValue("10s") @NotNull Duration reloadInterval,
		@DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1") double confidenceThreshold,
		@DefaultValue List<@Valid Rule> rules, @DefaultValue @Valid LanguageProperties language,
		@DefaultValue @Valid CascadeProperties cascade) {

	/** The model shipped in the classifier's jar. */
	public static final String DEFAULT_MODEL = "classpath:models/tier-model.bin";

	public ClassifierProperties {
		rules = (rules != null) ? List.copyOf(rules) : List.of();
		language = (language != null) ? language : LanguageProperties.defaults();
		cascade = (cascade != null) ? cascade : CascadeProperties.defaults();
	}

}
