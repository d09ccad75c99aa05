package io.llmfleet.classifier.language;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LanguageIdentifierTests {

	private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier(LanguageProperties.defaults());

	@Test
	void kannadaAndMalayalamAreKnownByTheirScriptSinceLinguaHasNoModelsForThem() {
		assertThat(IDENTIFIER.identify("ಈ ವಾಕ್ಯವನ್ನು ಇಂಗ್ಲಿಷ್‌ಗೆ ಅನುವಾದಿಸಿ")).isEqualTo("kn");
		assertThat(IDENTIFIER.identify("ഈ വാക്യം ഇംഗ്ലീഷിലേക്ക് വിവർത്തനം ചെയ്യുക")).isEqualTo("ml");
	}

	@Test
	void otherIndianScriptsDecideTheirLanguage() {
		assertThat(IDENTIFIER.identify("আমি বাংলায় কথা বলি")).isEqualTo("bn");
		assertThat(IDENTIFIER.identify("நான் தமிழ் பேசுகிறேன்")).isEqualTo("ta");
		assertThat(IDENTIFIER.identify("నేను తెలుగు మాట్లాడతాను")).isEqualTo("te");
		assertThat(IDENTIFIER.identify("હું ગુજરાતી બોલું છું")).isEqualTo("gu");
		assertThat(IDENTIFIER.identify("ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹਾਂ")).isEqualTo("pa");
		assertThat(IDENTIFIER.identify("今天天气很好，我们去公园散步吧")).isEqualTo("zh");
		assertThat(IDENTIFIER.identify("Как дела у тебя сегодня?")).isEqualTo("ru");
	}

	@Test
	void theTextToTranslateNamesTheLanguageNotTheEnglishInstruction() {
		assertThat(IDENTIFIER
			.identify("Translate this Telugu sentence to English: దానిని ఎలా మార్చాలి, ఇది మన తరం ప్రశ్న?"))
			.isEqualTo("te");
		assertThat(IDENTIFIER.identify("What does this mean in English? வெள்ளம் மிக தீவிரமானது")).isEqualTo("ta");
		assertThat(IDENTIFIER.identify("Translate into English: उन्होंने कहा कि वह कल आएंगे")).isEqualTo("hi");
	}

	@Test
	void aFewWordsOfAnotherScriptLeaveEnglishEnglish() {
		assertThat(IDENTIFIER.identify("What sound does this make? 好")).isEqualTo("en");
		assertThat(IDENTIFIER.identify("Describe the role of 17β-HSD type 14 in the body.")).isEqualTo("en");
	}

	@Test
	void functionWordsTellApartLanguagesThatShareAScript() {
		assertThat(IDENTIFIER.identify("What is the capital of Australia?")).isEqualTo("en");
		assertThat(IDENTIFIER.identify("Wie spät ist es in Berlin, und wann fährt der nächste Zug?")).isEqualTo("de");
		assertThat(IDENTIFIER.identify("¿Cuántos días tiene un año bisiesto y por qué?")).isEqualTo("es");
		assertThat(IDENTIFIER.identify("Quelle est la meilleure façon d'apprendre le français ?")).isEqualTo("fr");
		assertThat(IDENTIFIER.identify("भारत की राजधानी क्या है और वहाँ कितने लोग रहते हैं?")).isEqualTo("hi");
		assertThat(IDENTIFIER.identify("ते म्हणाले की त्यांनी हे काम आधीच केले आहे आणि आता ते घरी जातील."))
			.isEqualTo("mr");
	}

	@Test
	void codeWithEnglishWordsIsEnglish() {
		assertThat(IDENTIFIER
			.identify("def median(l: list):\n    \"\"\"Return the median of the elements in the list.\"\"\""))
			.isEqualTo("en");
	}

	@Test
	void linguaDecidesWhereFunctionWordsDoNot() {
		assertThat(IDENTIFIER.identify("Kühlschrank Waschmaschine Geschirrspüler Staubsauger")).isEqualTo("de");
	}

	@Test
	void aLanguageWithoutFunctionWordsIsLeftToLingua() {
		LanguageIdentifier withPolish = new LanguageIdentifier(new LanguageProperties(true, List.of("en", "pl"), 160));

		// "i" and "a" are English function words too: Polish must not be called English.
		assertThat(withPolish.identify("Jaka jest stolica Polski i ile ma mieszkańców, a jaka Czech?")).isEqualTo("pl");
	}

	@Test
	void onlyTheFirstMaxCharsAreRead() {
		LanguageIdentifier shortSight = new LanguageIdentifier(new LanguageProperties(true, List.of("en", "de"), 40));
		String german = " Der Zug fährt um acht Uhr ab, und wir sind noch nicht am Bahnhof, weil es regnet.".repeat(3);

		assertThat(shortSight.identify("Please translate this into English for me:" + german)).isEqualTo("en");
		assertThat(shortSight.identify(german)).isEqualTo("de");
	}

	@Test
	void textWithoutLettersHasNoLanguage() {
		assertThat(IDENTIFIER.identify("12 + 7 = ?")).isNull();
		assertThat(IDENTIFIER.identify("")).isNull();
	}

	@Test
	void aScriptOfNoConfiguredLanguageGivesNone() {
		LanguageIdentifier latinOnly = new LanguageIdentifier(new LanguageProperties(true, List.of("en", "de"), 160));

		assertThat(latinOnly.identify("ಕನ್ನಡ")).isNull();
		assertThat(latinOnly.identify("Как дела у тебя сегодня?")).isNull();
	}

	@Test
	void aLanguageNeitherAScriptNorLinguaKnowsStopsStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LanguageIdentifier(new LanguageProperties(true, List.of("en", "xx"), 160)))
			.withMessageContaining("'xx'");
	}

}
