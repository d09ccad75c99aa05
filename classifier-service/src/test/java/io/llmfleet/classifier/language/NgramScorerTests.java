package io.llmfleet.classifier.language;

import java.util.List;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NgramScorerTests {

	private static final NgramScorer LATIN = new NgramScorer(List.of("en", "de", "es", "fr", "it", "pt", "nl"));

	@Test
	void namesTheLanguageWhoseTrigramsFitBest() {
		assertThat(best("kühlschrank waschmaschine geschirrspüler staubsauger")).isEqualTo("de");
		assertThat(best("ayuntamiento carretera desarrollo")).isEqualTo("es");
		assertThat(best("gezellig fietspad boterham")).isEqualTo("nl");
		assertThat(best("weather forecast tomorrow")).isEqualTo("en");
	}

	@Test
	void answersAsLinguasLowAccuracyModeDoes() {
		LanguageDetector lingua = LanguageDetectorBuilder
			.fromIsoCodes639_1(IsoCode639_1.EN, IsoCode639_1.DE, IsoCode639_1.ES, IsoCode639_1.FR, IsoCode639_1.IT,
					IsoCode639_1.PT, IsoCode639_1.NL)
			.withLowAccuracyMode()
			.build();
		for (String text : List.of("vim deshaz la última operación", "export quita una variable de entorno",
				"r vérifie la version de r", "bmptopnm genereer de afbeelding", "btrfs subvolume lista todos os",
				"cargo help mostra l aiuto generale", "super robot monkey team hyperforce go fighting games")) {
			assertThat(best(text)).as(text)
				.isEqualTo(lingua.detectLanguageOf(text).getIsoCode639_1().name().toLowerCase());
		}
	}

	@Test
	void textWithoutATrigramOfLettersDecidesNothing() {
		assertThat(best("a b c de")).isNull();
		assertThat(best("")).isNull();
	}

	private static String best(String text) {
		return LATIN.best(text.toCharArray(), text.length());
	}

}
