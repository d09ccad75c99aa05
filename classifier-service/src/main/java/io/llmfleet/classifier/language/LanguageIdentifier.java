package io.llmfleet.classifier.language;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import io.llmfleet.classifier.features.Script;

/**
 * Names a prompt's language (ISO 639-1) among the configured ones. Where the dominant
 * script belongs to one configured language (Kannada, Malayalam, Gujarati, Gurmukhi,
 * Tamil, Telugu, Bengali, Thai, Hangul, kana, Han), the script decides and nothing else
 * runs: it is exact and costs nothing. Lingua 1.2.2 has no Kannada or Malayalam models,
 * so for those two the script is the only way. Latin, Devanagari (Hindi or Marathi),
 * Cyrillic and Arabic text goes to Lingua, restricted to the configured languages, in
 * low-accuracy mode and on at most {@code maxChars} characters, except plain ASCII
 * English ({@link EnglishShortcut}), the bulk of traffic, which skips it: Lingua costs
 * tens of microseconds a call. Thread-safe; Lingua's models are loaded when this is
 * built.
 */
public final class LanguageIdentifier {

	private static final Map<Script, String> BY_SCRIPT = new EnumMap<>(
			Map.ofEntries(Map.entry(Script.HAN, "zh"), Map.entry(Script.KANA, "ja"), Map.entry(Script.HANGUL, "ko"),
					Map.entry(Script.BENGALI, "bn"), Map.entry(Script.GURMUKHI, "pa"), Map.entry(Script.GUJARATI, "gu"),
					Map.entry(Script.TAMIL, "ta"), Map.entry(Script.TELUGU, "te"), Map.entry(Script.KANNADA, "kn"),
					Map.entry(Script.MALAYALAM, "ml"), Map.entry(Script.THAI, "th"), Map.entry(Script.GREEK, "el")));

	private final Set<String> languages;

	private final LanguageDetector lingua;

	private final int maxChars;

	/**
	 * Scripts that only one configured language writes (Cyrillic: ru): no need to ask.
	 */
	private final Map<Script, String> onlyLanguageOf = new EnumMap<>(Script.class);

	/** Whether English is configured, so that plain English can skip Lingua. */
	private final boolean english;

	/**
	 * The one language left for Lingua when only one is configured: nothing to detect.
	 */
	private final String singleLinguaLanguage;

	/**
	 * An identifier over {@code properties.languages()}.
	 * @param properties the languages and the characters to look at
	 * @throws IllegalArgumentException for a code that neither a script nor Lingua covers
	 */
	public LanguageIdentifier(LanguageProperties properties) {
		this.languages = new TreeSet<>(properties.languages());
		this.maxChars = properties.maxChars();
		this.english = this.languages.contains("en");
		List<IsoCode639_1> forLingua = new ArrayList<>();
		for (String code : this.languages) {
			boolean byScript = BY_SCRIPT.containsValue(code);
			IsoCode639_1 iso = linguaCode(code);
			if (iso == null && !byScript) {
				throw new IllegalArgumentException("Language '" + code
						+ "' is neither decided by its script nor known to Lingua 1.2.2; known: " + linguaCodes());
			}
			if (!byScript && iso != null) {
				forLingua.add(iso);
			}
		}
		this.lingua = (forLingua.size() >= 2)
				? LanguageDetectorBuilder.fromIsoCodes639_1(forLingua.toArray(new IsoCode639_1[0]))
					.withLowAccuracyMode()
					.withPreloadedLanguageModels()
					.build()
				: null;
		this.singleLinguaLanguage = (forLingua.size() == 1) ? forLingua.get(0).name().toLowerCase(Locale.ROOT) : null;
		onlyLanguage(Script.LATIN, Language.allWithLatinScript());
		onlyLanguage(Script.CYRILLIC, Language.allWithCyrillicScript());
		onlyLanguage(Script.ARABIC, Language.allWithArabicScript());
		onlyLanguage(Script.DEVANAGARI, Language.allWithDevanagariScript());
	}

	/** The configured languages. */
	public Set<String> languages() {
		return this.languages;
	}

	/**
	 * The language of {@code prompt}, or {@code null} when none of the configured ones
	 * fits.
	 * @param prompt the text
	 * @param script its dominant script, as the feature scan found it
	 */
	public String identify(String prompt, Script script) {
		String byScript = BY_SCRIPT.get(script);
		if (byScript != null) {
			return this.languages.contains(byScript) ? byScript : null;
		}
		if (this.lingua == null) {
			return this.singleLinguaLanguage;
		}
		if (this.english && script == Script.LATIN && EnglishShortcut.isEnglish(prompt, this.maxChars)) {
			return "en";
		}
		String only = this.onlyLanguageOf.get(script);
		if (only != null) {
			return only;
		}
		String sample = (prompt.length() > this.maxChars) ? prompt.substring(0, this.maxChars) : prompt;
		Language language = this.lingua.detectLanguageOf(sample);
		return (language == Language.UNKNOWN) ? null : language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
	}

	private void onlyLanguage(Script script, List<Language> writers) {
		List<String> configured = writers.stream()
			.map((language) -> language.getIsoCode639_1().name().toLowerCase(Locale.ROOT))
			.filter(this.languages::contains)
			.toList();
		if (configured.size() == 1) {
			this.onlyLanguageOf.put(script, configured.get(0));
		}
	}

	private static IsoCode639_1 linguaCode(String code) {
		for (Language language : Language.all()) {
			if (language.getIsoCode639_1().name().equalsIgnoreCase(code)) {
				return language.getIsoCode639_1();
			}
		}
		return null;
	}

	private static Set<String> linguaCodes() {
		Set<String> codes = new TreeSet<>(BY_SCRIPT.values());
		Language.all().forEach((language) -> codes.add(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT)));
		return codes;
	}

}
