package io.llmfleet.classifier.features;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptSignalsTests {

	@Test
	void aCodeFenceAndCodeLinesAreCode() {
		PromptSignals signals = signals("Why does this fail?\n```java\nint x = 1;\nreturn x;\n```");

		assertThat(signals.codeFence()).isTrue();
		assertThat(signals.codeLines()).isGreaterThanOrEqualTo(2);
		assertThat(signals.looksLikeCode()).isTrue();
	}

	@Test
	void stackTracesAreRecognisedInJavaAndPython() {
		assertThat(signals("Exception in thread \"main\" java.lang.NullPointerException\n"
				+ "    at com.example.Orders.total(Orders.java:42)")
			.stackTrace()).isTrue();
		assertThat(signals("Traceback (most recent call last):\n  File \"app.py\", line 12, in <module>").stackTrace())
			.isTrue();
		assertThat(signals("My trace of the family tree goes back to 1800.").stackTrace()).isFalse();
	}

	@Test
	void shellCommandsNeedOptionsOrPaths() {
		assertThat(signals("Run ls -la in the folder").shell()).isTrue();
		assertThat(signals("$ kubectl get pods").shell()).isTrue();
		assertThat(signals("cat /etc/hosts").shell()).isTrue();
		assertThat(signals("My cat sleeps all day").shell()).isFalse();
		assertThat(signals("ps aux | grep java").pipeline()).isTrue();
	}

	@Test
	void sqlAndRegexSyntaxAreRecognised() {
		assertThat(signals("SELECT name FROM staff WHERE age > 30").sql()).isTrue();
		assertThat(signals("teacher(Teacher_ID, Name, Age)\nWhich teacher is oldest?").sql()).isTrue();
		assertThat(signals("Please select a dish from the menu").sql()).isFalse();
		assertThat(signals("Write a regular expression that matches dates").regexSyntax()).isTrue();
		assertThat(signals("Does ^\\d{3}-\\d{4}$ match 555-1234?").regexSyntax()).isTrue();
	}

	@Test
	void theLengthAskedForIsReadInWordsAndChineseCharacters() {
		assertThat(signals("Write an essay of 1,200 words on trade").targetWords()).isEqualTo(1200);
		assertThat(signals("Generate a 300 words newsletter").targetWords()).isEqualTo(300);
		assertThat(signals("写一篇两千字的文章").targetWords()).isEqualTo(1000);
		assertThat(signals("造价咨询服务进度保障措施（2000字）").targetWords()).isEqualTo(1000);
		assertThat(signals("What is 2 + 2?").targetWords()).isZero();
	}

	@Test
	void questionsPartsNumbersAndMathAreCounted() {
		PromptSignals signals = signals("1. What is 12 * 7?\n2. Why?\n3. And 3 + 4?");

		assertThat(signals.questions()).isEqualTo(3);
		assertThat(signals.listItems()).isEqualTo(3);
		assertThat(signals.numbers()).isEqualTo(7);
		assertThat(signals.mathOperations()).isEqualTo(2);
		assertThat(signals.looksLikeMath()).isTrue();
	}

	@Test
	void multipleChoiceOptionsAreRecognised() {
		assertThat(signals("Which is largest?\nOptions: A) 45 B) 48 C) 50 D) 55").multipleChoice()).isTrue();
	}

	@Test
	void theDominantScriptIsFound() {
		assertThat(signals("ಕನ್ನಡ ಭಾಷೆ ಸುಂದರವಾಗಿದೆ").script()).isEqualTo(Script.KANNADA);
		assertThat(signals("മലയാളം ഭാഷ").script()).isEqualTo(Script.MALAYALAM);
		assertThat(signals("今日は良い天気ですね").script()).isEqualTo(Script.KANA);
		assertThat(signals("今天天气很好").script()).isEqualTo(Script.HAN);
		assertThat(signals("The weather is fine").script()).isEqualTo(Script.LATIN);
	}

	@Test
	void aLongPromptKeepsItsEnding() {
		PromptSignals signals = signals("word ".repeat(5000) + "\n\nWhat is the main point?");

		assertThat(signals.questions()).isEqualTo(1);
		assertThat(signals.chars()).isLessThanOrEqualTo(4001);
	}

	@Test
	void aPassageFollowedByAShortQuestionIsRecognised() {
		String passage = "The river flows through three countries and has shaped their history. ".repeat(8);

		assertThat(signals(passage + "\n\nWhich countries does it cross?").questionAfterPassage()).isTrue();
		assertThat(signals("Which countries does the river cross?").questionAfterPassage()).isFalse();
	}

	private static PromptSignals signals(String prompt) {
		return PromptSignals.of(prompt, 4000);
	}

}
