package io.llmfleet.classifier.language;

import java.util.List;
import java.util.Locale;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * The configured languages written in one script, and how to tell them apart: nothing to
 * do for one; else {@link FunctionWords} when they decide, and where they do not,
 * Lingua's statistics over this script's words alone. Two languages (hi and mr) get a
 * Lingua detector with its full models, 1- to 5-grams, which read short text best and
 * weigh a few megabytes; more (the Latin ones) get Lingua's trigram statistics through an
 * {@link NgramScorer}, which answers as Lingua's low-accuracy mode does at a hundredth of
 * its cost (full models for seven Latin languages would take 180 MB). Built once at
 * start-up, when the models load; immutable and thread-safe.
 */
final class ScriptLanguages {

	/** Scripts with at most this many configured languages get Lingua's full models. */
	private static final int MAX_FULL_MODELS = 2;

	private final List<String> languages;

	private final FunctionWords functionWords;

	private final LanguageDetector lingua;

	private final NgramScorer trigrams;

	/**
	 * The languages of one script.
	 * @param languages their ISO 639-1 codes, all known to Lingua when there are several
	 */
	ScriptLanguages(List<String> languages) {
		this.languages = List.copyOf(languages);
		this.functionWords = FunctionWords.of(this.languages);
		boolean several = this.languages.size() > 1;
		boolean full = this.languages.size() <= MAX_FULL_MODELS;
		this.lingua = (several && full) ? LanguageDetectorBuilder
			.fromIsoCodes639_1(this.languages.stream()
				.map((code) -> IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)))
				.toArray(IsoCode639_1[]::new))
			.withPreloadedLanguageModels()
			.build() : null;
		this.trigrams = (several && !full) ? new NgramScorer(this.languages) : null;
	}

	/** The language of {@code sample}, written in this script, or {@code null}. */
	String identify(ScriptSample sample) {
		if (this.languages.size() == 1) {
			return this.languages.get(0);
		}
		ScriptSample.Words words = sample.words();
		String byWords = (this.functionWords != null) ? this.functionWords.decide(words.chars(), words.length()) : null;
		if (byWords != null) {
			return byWords;
		}
		if (this.trigrams != null) {
			return this.trigrams.best(words.chars(), words.length());
		}
		Language language = this.lingua.detectLanguageOf(words.toString());
		return (language == Language.UNKNOWN) ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
	}

}
