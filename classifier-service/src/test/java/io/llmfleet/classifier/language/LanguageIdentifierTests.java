package io.llmfleet.classifier.language;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.features.PromptSignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LanguageIdentifierTests {

	private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier(LanguageProperties.defaults());

	@Test
	void kannadaAndMalayalamAreKnownByTheirScriptSinceLinguaHasNoModelsForThem() {
		assertThat(identify("ಈ ವಾಕ್ಯವನ್ನು ಇಂಗ್ಲಿಷ್‌ಗೆ ಅನುವಾದಿಸಿ")).isEqualTo("kn");
		assertThat(identify("ഈ വാക്യം ഇംഗ്ലീഷിലേക്ക് വിവർത്തനം ചെയ്യുക")).isEqualTo("ml");
	}

	@Test
	void otherIndianScriptsDecideTheirLanguage() {
		assertThat(identify("আমি বাংলায় কথা বলি")).isEqualTo("bn");
		assertThat(identify("நான் தமிழ் பேசுகிறேன்")).isEqualTo("ta");
		assertThat(identify("నేను తెలుగు మాట్లాడతాను")).isEqualTo("te");
		assertThat(identify("હું ગુજરાતી બોલું છું")).isEqualTo("gu");
		assertThat(identify("ਮੈਂ ਪੰਜਾਬੀ ਬੋਲਦਾ ਹਾਂ")).isEqualTo("pa");
		assertThat(identify("今天天气很好，我们去公园散步吧")).isEqualTo("zh");
	}

	@Test
	void linguaTellsApartLanguagesThatShareAScript() {
		assertThat(identify("What is the capital of Australia?")).isEqualTo("en");
		assertThat(identify("Wie spät ist es in Berlin, und wann fährt der nächste Zug?")).isEqualTo("de");
		assertThat(identify("¿Cuántos días tiene un año bisiesto y por qué?")).isEqualTo("es");
		assertThat(identify("Quelle est la meilleure façon d'apprendre le français ?")).isEqualTo("fr");
		assertThat(identify("भारत की राजधानी क्या है और वहाँ कितने लोग रहते हैं?")).isEqualTo("hi");
	}

	@Test
	void aScriptOfNoConfiguredLanguageGivesNone() {
		LanguageIdentifier latinOnly = new LanguageIdentifier(new LanguageProperties(true, List.of("en", "de"), 160));

		assertThat(latinOnly.identify("ಕನ್ನಡ", PromptSignals.of("ಕನ್ನಡ", 100).script())).isNull();
	}

	@Test
	void aLanguageNeitherAScriptNorLinguaKnowsStopsStartUp() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new LanguageIdentifier(new LanguageProperties(true, List.of("en", "xx"), 160)))
			.withMessageContaining("'xx'");
	}

	private static String identify(String text) {
		return IDENTIFIER.identify(text, PromptSignals.of(text, 4000).script());
	}

}
