package io.llmfleet.simulator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	@Test
	void piecesJoinBackToTheExactText() {
		String text = "  Why is the sky blue?\n\tBecause of Rayleigh scattering!  ";
		assertThat(String.join("", Tokens.split(text))).isEqualTo(text);
	}

	@Test
	void whitespaceSticksToTheFollowingWord() {
		assertThat(Tokens.split("why is it")).containsExactly("why", " is", " it");
	}

	@Test
	void longWordsAreCutEveryFourCharacters() {
		assertThat(Tokens.split("scattering")).containsExactly("scat", "teri", "ng");
	}

	@Test
	void punctuationCountsOnePieceEach() {
		assertThat(Tokens.split("sky?!")).containsExactly("sky", "?", "!");
	}

	@Test
	void countsAboutFourCharactersPerToken() {
		String prose = "The quick brown fox jumps over the lazy dog near the riverbank every morning.";
		assertThat(Tokens.count(prose)).isBetween(prose.length() / 6, prose.length() / 3);
	}

	@Test
	void emptyTextHasNoTokens() {
		assertThat(Tokens.split("")).isEmpty();
		assertThat(Tokens.count("")).isZero();
	}

	@Test
	void chatCountAddsTemplateOverheadPerMessage() {
		List<ChatMessage> chat = List.of(new ChatMessage("system", "be brief"), new ChatMessage("user", "hi"));
		assertThat(Tokens.countChat(chat)).isEqualTo(3 + 1 + 2 * Tokens.CHAT_MESSAGE_OVERHEAD);
	}

}
