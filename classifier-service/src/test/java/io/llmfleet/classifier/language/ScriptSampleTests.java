package io.llmfleet.classifier.language;

import org.junit.jupiter.api.Test;

import io.llmfleet.classifier.features.Script;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptSampleTests {

	@Test
	void latinLettersCountHalfAgainstOtherScripts() {
		// 20 Latin letters against 14 Devanagari characters (7 letters, 7 vowel signs).
		assertThat(ScriptSample.of("Translate into English: हाल ही में किट ने", 160).script())
			.isEqualTo(Script.DEVANAGARI);
		// 30 Latin letters against one Han character.
		assertThat(ScriptSample.of("What sound does this make in Chinese? 好", 160).script()).isEqualTo(Script.LATIN);
	}

	@Test
	void hanWithARealShareOfKanaIsJapanese() {
		assertThat(ScriptSample.of("蝋燭は1時間燃えるごとに溶けます", 160).script()).isEqualTo(Script.KANA);
		assertThat(ScriptSample.of("今天天气很好", 160).script()).isEqualTo(Script.HAN);
	}

	@Test
	void wordsAreThoseOfTheSampleScriptLowerCaseWithTheirMarks() {
		ScriptSample sample = ScriptSample.of("`exit`: निर्दिष्ट निकास कोड के साथ, शेल से बाहर", 160);

		assertThat(sample.words()).hasToString("निर्दिष्ट निकास कोड के साथ शेल से बाहर");
		assertThat(ScriptSample.of("Hello, WORLD: 42 times ünd Straße!", 160).words())
			.hasToString("hello world times ünd straße");
	}

	@Test
	void onlyTheFirstMaxCharsAreRead() {
		ScriptSample sample = ScriptSample.of("Hello world, नमस्ते दुनिया", 12);

		assertThat(sample.script()).isEqualTo(Script.LATIN);
		assertThat(sample.words()).hasToString("hello world");
	}

	@Test
	void noLettersNoScript() {
		assertThat(ScriptSample.of("12 + 7 = ?", 160).script()).isNull();
	}

}
