package io.llmfleet.classifier.language;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionWordsTests {

	private static final FunctionWords LATIN = FunctionWords.of(List.of("en", "de", "es", "fr", "it", "pt", "nl"));

	@Test
	void twoDifferentFunctionWordsOfOneLanguageDecide() {
		assertThat(decide("the cat sat on the mat")).isEqualTo("en");
		assertThat(decide("der hund und die katze")).isEqualTo("de");
	}

	@Test
	void oneFunctionWordRepeatedDecidesNothing() {
		assertThat(decide("the cat the mat the hat")).isNull();
	}

	@Test
	void wordsSeveralLanguagesShareCountForEachOfThemOnlyInPart() {
		// "is" and "in" are Dutch too, "de" Spanish, French, Portuguese and Dutch.
		assertThat(decide("is in de")).isNull();
		assertThat(decide("what is in the box")).isEqualTo("en");
	}

	@Test
	void aLanguageWinsOnlyWithTwiceTheCountOfAnyOther() {
		// An English instruction around a German quote: neither is plainly the language.
		assertThat(
				decide("translate this german sentence to english jemand nannte die situation und die sieben zwerge"))
			.isNull();
	}

	@Test
	void languagesWithoutAListOrAloneInTheirScriptGetNone() {
		assertThat(FunctionWords.of(List.of("en", "pl"))).isNull();
		assertThat(FunctionWords.of(List.of("en"))).isNull();
		assertThat(FunctionWords.of(List.of("hi", "mr"))).isNotNull();
	}

	private static String decide(String words) {
		return LATIN.decide(words.toCharArray(), words.length());
	}

}
