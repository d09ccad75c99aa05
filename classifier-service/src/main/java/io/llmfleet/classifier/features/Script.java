package io.llmfleet.classifier.features;

/**
 * The writing systems the classifier tells apart. Several languages are decided by their
 * script alone (Kannada, Malayalam, Gujarati, Gurmukhi, Tamil, Telugu, Bengali, Thai,
 * Hangul, kana); Latin, Devanagari, Cyrillic, Arabic and Han need a language detector.
 */
public enum Script {

	/** Latin letters (English, German, Spanish, French, ...). */
	LATIN,
	/** Han ideographs with no kana: Chinese. */
	HAN,
	/** Hiragana or katakana: Japanese. */
	KANA,
	/** Hangul: Korean. */
	HANGUL,
	/** Devanagari: Hindi, Marathi, Nepali. */
	DEVANAGARI,
	/** Bengali-Assamese script. */
	BENGALI,
	/** Gurmukhi: Punjabi. */
	GURMUKHI,
	/** Gujarati. */
	GUJARATI,
	/** Tamil. */
	TAMIL,
	/** Telugu. */
	TELUGU,
	/** Kannada. */
	KANNADA,
	/** Malayalam. */
	MALAYALAM,
	/** Cyrillic: Russian, Ukrainian, ... */
	CYRILLIC,
	/** Arabic script: Arabic, Persian, Urdu. */
	ARABIC,
	/** Thai. */
	THAI,
	/** Greek. */
	GREEK,
	/** Anything else, or no letters at all. */
	OTHER;

	private static final Script[] VALUES = values();

	/**
	 * The script of every UTF-16 char, worked out once (64 KiB): Unicode's script table
	 * is a binary search per char, which prompts in Indic scripts and Han pay on every
	 * letter.
	 */
	private static final byte[] BY_CHAR = new byte[Character.MAX_VALUE + 1];

	static {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			BY_CHAR[c] = (byte) lookUp((char) c).ordinal();
		}
	}

	/** The script of a letter. */
	public static Script of(char c) {
		return VALUES[BY_CHAR[c]];
	}

	private static Script lookUp(char c) {
		if (c < 0x0250) {
			return LATIN;
		}
		return switch (Character.UnicodeScript.of(c)) {
			case LATIN -> LATIN;
			case HAN -> HAN;
			case HIRAGANA, KATAKANA -> KANA;
			case HANGUL -> HANGUL;
			case DEVANAGARI -> DEVANAGARI;
			case BENGALI -> BENGALI;
			case GURMUKHI -> GURMUKHI;
			case GUJARATI -> GUJARATI;
			case TAMIL -> TAMIL;
			case TELUGU -> TELUGU;
			case KANNADA -> KANNADA;
			case MALAYALAM -> MALAYALAM;
			case CYRILLIC -> CYRILLIC;
			case ARABIC -> ARABIC;
			case THAI -> THAI;
			case GREEK -> GREEK;
			default -> OTHER;
		};
	}

	static Script ofOrdinal(int ordinal) {
		return VALUES[ordinal];
	}

}
