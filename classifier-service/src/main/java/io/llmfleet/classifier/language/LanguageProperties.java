package io.llmfleet.classifier.language;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Language detection settings, under {@code fleet.classifier.language}.
 *
 * @param enabled whether classifications carry a language at all
 * @param languages ISO 639-1 codes the detector chooses among; fewer is faster and more
 * accurate
 * @param maxChars letters looked at per prompt: detection cost grows with length, and a
 * few hundred characters decide it
 */
public record LanguageProperties(@DefaultValue("true") boolean enabled, @DefaultValue( {
		"en", "de", "es", "fr", "it", "pt", "nl", "ru", "zh", "ja", "ko", "ar", "hi", "bn", "ta", "te", "ml", "mr",
		"gu", "kn", "pa", "th" }) @NotEmpty List<String> languages, @DefaultValue("160") @Min(16) int maxChars){

	public LanguageProperties {
		languages = List.copyOf(languages);
	}

	/** The defaults, as configuration would bind them. */
	public static LanguageProperties defaults() {
		return new LanguageProperties(true, List.of("en", "de", "es", "fr", "it", "pt", "nl", "ru", "zh", "ja", "ko",
				"ar", "hi", "bn", "ta", "te", "ml", "mr", "gu", "kn", "pa", "th"), 160);
	}

}
