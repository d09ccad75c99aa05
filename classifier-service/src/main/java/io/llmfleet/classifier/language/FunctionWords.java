package io.llmfleet.classifier.language;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells apart languages that share a script by their commonest function words (articles,
 * pronouns, prepositions, auxiliaries, question words), before Lingua is asked. Each
 * function word in the text counts for the languages that use it, shared equally ("de" is
 * a quarter each for es, fr, pt and nl; "the" wholly English); a language wins with at
 * least two different words and at least twice the count of any other. Anything less
 * plain (short text, code without prose, names, a mix) is left to Lingua, and so is every
 * text of a script where one of the configured languages has no list here, since its text
 * would look like none. The lists are the languages' most frequent words, not tuned to
 * any data set. One table look-up per word, no strings made; immutable and thread-safe.
 */
final class FunctionWords {

	/** The winner's count against any other language's, at least. */
	private static final int MARGIN = 2;

	private static final Map<String, String> LISTS = Map.of("en",
			"the and or but if of to in on at by for with from as is are was were be been being am do does did have "
					+ "has had will would shall should can could may might must not this that these those it its you "
					+ "he she we they him her us them my your his our their what which who whom whose when where why "
					+ "how there here than then about into over after before between through during without under up "
					+ "out all any some each every many much more most other such only also very just please write "
					+ "give explain make tell following i me a an no so",
			"de",
			"der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war waren wird "
					+ "werden wurde wurden hat haben hatte ich du er sie es wir ihr mit von zu zum zur im in auf für "
					+ "über unter bei nach aus wie was wer wo warum wann welche welcher welches dass auch noch nur sehr "
					+ "kann können muss soll bitte mir mich dir dich sich uns kein keine ja sein seine ihre diese dieser "
					+ "dieses um durch gibt man",
			"es",
			"el la los las un una unos unas y o pero que de del al en con por para sin sobre es son está están fue "
					+ "era ser estar ha han hay qué cómo cuál cuáles cuándo dónde quién porque también muy más lo le "
					+ "les se su sus mi mis tu yo él ella ellos este esta estos estas ese esa eso como cuando donde "
					+ "entre hasta desde puede cada otro otra todo todos",
			"fr",
			"le la les un une des du de et ou mais que qui quoi est sont était être avoir ont au aux avec pour par "
					+ "sur dans en ne pas plus ce cette ces il elle ils elles je nous vous on mon ma mes ton ta son sa "
					+ "ses leur leurs quel quelle quels quelles comment pourquoi quand où très aussi comme tout tous "
					+ "été fait peut entre sans",
			"it",
			"il lo la i gli le un uno una e ed o ma che di del della dello dei degli delle da dal dalla in con per "
					+ "su tra fra è sono era essere ha hanno non più come cosa quale quali quando dove perché anche "
					+ "molto questo questa questi quello quella mi ti si ci io lui lei noi voi loro mio suo sua nel "
					+ "nella alla al ad",
			"pt",
			"o a os as um uma uns umas e ou mas que de do da dos das em no na nos nas com por para sem sobre é são "
					+ "está estão foi era ser estar tem há não mais como qual quais quando onde quem porque também "
					+ "muito eu você ele ela nós eles elas meu minha seu sua isso isto este esta esse essa pelo pela "
					+ "ao aos à",
			"nl",
			"de het een en of maar dat die dit deze wat wie waar waarom wanneer hoe is zijn was waren wordt worden "
					+ "werd heeft hebben had ik jij je hij zij ze wij we u met van voor naar in op aan bij uit over "
					+ "onder niet geen ook nog zeer heel kan kunnen moet moeten zal zou er hier daar om te tot",
			"hi",
			"है हैं था थे थी और के में से को ने पर यह वह ये वे नहीं भी लिए करें करने करना किया गया गई जो कर रहा रही "
					+ "रहे हुए हुआ अपने अपनी इस उस इसे उसे साथ बाद तक द्वारा वाले वाली जाता जाती सकते सकता क्या कैसे "
					+ "क्यों कौन कहाँ मैं हम आप तुम मुझे उनके उनकी उन्होंने इसके इसकी बहुत कुछ सभी एवं",
			"mr",
			"आहे आहेत आणि होते होता होती नाही नाहीत व हे ते त्या त्याच्या त्यांच्या त्यांनी त्याने मी आम्ही "
					+ "तुम्ही आपण काय कसे कोण कुठे केली केले केला करा करून मध्ये साठी म्हणून म्हणाले पण आता असे "
					+ "असा अशी एका यांनी झाला झाली झाले जाईल शकता शकते शकत सांगितले मात्र");

	private final List<String> languages;

	private final WordTable words;

	private FunctionWords(List<String> languages) {
		this.languages = List.copyOf(languages);
		Map<String, Integer> bits = new HashMap<>();
		for (int l = 0; l < languages.size(); l++) {
			for (String word : LISTS.get(languages.get(l)).split(" ")) {
				bits.merge(word, 1 << l, (a, b) -> a | b);
			}
		}
		this.words = new WordTable(bits);
	}

	/**
	 * Function words for {@code languages}, or {@code null} when there is nothing to tell
	 * apart or one of them has no list (its text would look like none).
	 */
	static FunctionWords of(List<String> languages) {
		if (languages.size() < 2 || languages.size() > 31 || !LISTS.keySet().containsAll(languages)) {
			return null;
		}
		return new FunctionWords(languages);
	}

	/**
	 * The language that the words in {@code text[0, length)} (lower case, separated by
	 * single spaces) plainly are, or {@code null}.
	 */
	String decide(char[] text, int length) {
		int count = this.languages.size();
		double[] hits = new double[count];
		int[] first = new int[count];
		Arrays.fill(first, -1);
		int distinct = 0;
		int start = 0;
		for (int i = 0; i <= length; i++) {
			if (i < length && text[i] != ' ') {
				continue;
			}
			int slot = (i > start) ? this.words.find(text, start, i) : -1;
			start = i + 1;
			if (slot < 0) {
				continue;
			}
			int bits = this.words.bits(slot);
			double weight = 1.0 / Integer.bitCount(bits);
			for (int l = 0; l < count; l++) {
				if ((bits & (1 << l)) != 0) {
					hits[l] += weight;
					if (first[l] < 0) {
						first[l] = slot;
					}
					else if (first[l] != slot) {
						distinct |= 1 << l;
					}
				}
			}
		}
		int best = 0;
		for (int l = 1; l < count; l++) {
			best = (hits[l] > hits[best]) ? l : best;
		}
		if ((distinct & (1 << best)) == 0) {
			return null;
		}
		for (int l = 0; l < count; l++) {
			if (l != best && hits[best] < MARGIN * hits[l]) {
				return null;
			}
		}
		return this.languages.get(best);
	}

}
