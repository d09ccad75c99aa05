package io.llmfleet.classifier.language;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.github.pemistahl.lingua.api.Language;

import io.llmfleet.classifier.features.Script;

/**
 * Names a prompt's language (ISO 639-1) among the configured ones, from its first
 * {@code maxChars} characters. The script the text is written in comes first
 * ({@link ScriptSample}, one pass, no regular expressions): where only one configured
 * language writes it (Kannada, Malayalam, Gujarati, Gurmukhi, Tamil, Telugu, Bengali,
 * Thai, Hangul, kana, Han, Greek, and Cyrillic or Arabic when one of their languages is
 * configured) the script decides, exactly and for nothing. Lingua 1.2.2 has no Kannada or
 * Malayalam models, so for those two the script is the only way. Languages that share a
 * script (Latin: en, de, es, fr, ...; Devanagari: hi, mr) are told apart by their
 * function words ({@link FunctionWords}) and, where those leave it open, by Lingua's
 * statistics for that script's configured languages alone, over that script's words alone
 * ({@link ScriptLanguages}). About a microsecond a prompt but for the few that need
 * Lingua's statistics. Thread-safe; the statistics are loaded when this is built.
 */
public final class LanguageIdentifier {

	private static final Map<Script, String> BY_SCRIPT = new EnumMap<>(
			Map.ofEntries(Map.entry(Script.HAN, "zh"), Map.entry(Script.KANA, "ja"), Map.entry(Script.HANGUL, "ko"),
					Map.entry(Script.BENGALI, "bn"), Map.entry(Script.GURMUKHI, "pa"), Map.entry(Script.GUJARATI, "gu"),
					Map.entry(Script.TAMIL, "ta"), Map.entry(Script.TELUGU, "te"), Map.entry(Script.KANNADA, "kn"),
					Map.entry(Script.MALAYALAM, "ml"), Map.entry(Script.THAI, "th"), Map.entry(Script.GREEK, "el")));

	/** The scripts that several languages Lingua knows are written in. */
	private static final Map<Script, List<Language>> SHARED_SCRIPTS = new EnumMap<>(Map.of(Script.LATIN,
			Language.allWithLatinScript(), Script.CYRILLIC, Language.allWithCyrillicScript(), Script.ARABIC,
			Language.allWithArabicScript(), Script.DEVANAGARI, Language.allWithDevanagariScript()));

	private final Set<String> languages;

	private final int maxChars;

	private final Map<Script, ScriptLanguages> byScript = new EnumMap<>(Script.class);

	/**
	 * An identifier over {@code properties.languages()}.
	 * @param properties the languages and the characters to look at
	 * @throws IllegalArgumentException for a code that neither a script nor Lingua covers
	 */
	public LanguageIdentifier(LanguageProperties properties) {
		this.languages = new TreeSet<>();
		properties.languages().forEach((code) -> this.languages.add(code.toLowerCase(Locale.ROOT)));
		this.maxChars = properties.maxChars();
		Map<Script, List<String>> codes = new EnumMap<>(Script.class);
		for (String code : this.languages) {
			codes.computeIfAbsent(scriptOf(code), (script) -> new ArrayList<>()).add(code);
		}
		codes.forEach((script, group) -> this.byScript.put(script, new ScriptLanguages(group)));
	}

	/** The configured languages. */
	public Set<String> languages() {
		return this.languages;
	}

	/**
	 * The language of {@code prompt}, or {@code null} when none of the configured ones
	 * fits (no letters, or a script none of them is written in).
	 */
	public String identify(String prompt) {
		ScriptSample sample = ScriptSample.of(prompt, this.maxChars);
		ScriptLanguages group = (sample.script() != null) ? this.byScript.get(sample.script()) : null;
		return (group != null) ? group.identify(sample) : null;
	}

	/**
	 * The script a configured language is looked for in: its own, the shared script
	 * Lingua writes it in, or {@link Script#OTHER} for the rest Lingua knows.
	 */
	private static Script scriptOf(String code) {
		for (Map.Entry<Script, String> entry : BY_SCRIPT.entrySet()) {
			if (entry.getValue().equals(code)) {
				return entry.getKey();
			}
		}
		Language language = linguaLanguage(code);
		if (language == null) {
			throw new IllegalArgumentException("Language '" + code
					+ "' is neither decided by its script nor known to Lingua 1.2.2; known: " + knownCodes());
		}
		for (Map.Entry<Script, List<Language>> entry : SHARED_SCRIPTS.entrySet()) {
			if (entry.getValue().contains(language)) {
				return entry.getKey();
			}
		}
		return Script.OTHER;
	}

	private static Language linguaLanguage(String code) {
		for (Language language : Language.all()) {
			if (language.getIsoCode639_1().name().equalsIgnoreCase(code)) {
				return language;
			}
		}
		return null;
	}

	private static Set<String> knownCodes() {
		Set<String> codes = new TreeSet<>(BY_SCRIPT.values());
		Language.all().forEach((language) -> codes.add(language.getIsoCode639_1().name().toLowerCase(Locale.ROOT)));
		return codes;
	}

}
