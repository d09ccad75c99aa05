package io.llmfleet.classifier.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Small hand-written word groups that name what a request asks for (code, technology,
 * long writing, analysis, planning, math, logic, translation, small talk), in the
 * languages the fleet serves. Each group is one feature shared by all its words, so a
 * prompt from an unseen source that says "itinerary" or "行程" still lands on weights
 * learned from the others.
 */
final class Lexicon {

	static final int CODE = 0;

	static final int TECH = 1;

	static final int WRITING = 2;

	static final int ANALYSIS = 3;

	static final int PLANNING = 4;

	static final int MATH = 5;

	static final int TRANSLATE = 6;

	static final int CHAT = 7;

	static final int LOGIC = 8;

	static final int GROUPS = 9;

	private static final Map<String, Integer> WORDS = new HashMap<>();

	/** Terms in scripts without spaces, found by substring. */
	private static final List<Map.Entry<String, Integer>> TERMS = List.of(Map.entry("文章", WRITING),
			Map.entry("小说", WRITING), Map.entry("故事", WRITING), Map.entry("论文", WRITING), Map.entry("报告", WRITING),
			Map.entry("演讲", WRITING), Map.entry("剧本", WRITING), Map.entry("散文", WRITING), Map.entry("作文", WRITING),
			Map.entry("分析", ANALYSIS), Map.entry("讨论", ANALYSIS), Map.entry("评价", ANALYSIS), Map.entry("评估", ANALYSIS),
			Map.entry("影响", ANALYSIS), Map.entry("计划", PLANNING), Map.entry("规划", PLANNING), Map.entry("方案", PLANNING),
			Map.entry("行程", PLANNING), Map.entry("预算", PLANNING), Map.entry("教案", PLANNING), Map.entry("课程", PLANNING),
			Map.entry("计算", MATH), Map.entry("多少", MATH), Map.entry("方程", MATH), Map.entry("证明", MATH),
			Map.entry("概率", MATH), Map.entry("翻译", TRANSLATE), Map.entry("代码", CODE), Map.entry("函数", CODE),
			Map.entry("编程", TECH), Map.entry("कितने", MATH), Map.entry("कितना", MATH), Map.entry("अनुवाद", TRANSLATE),
			Map.entry("কত", MATH), Map.entry("ఎన్ని", MATH), Map.entry("ఎంత", MATH), Map.entry("เท่าไร", MATH),
			Map.entry("กี่", MATH), Map.entry("いくつ", MATH), Map.entry("いくら", MATH), Map.entry("何人", MATH));

	static {
		add(CODE, "def class return import function const var let void public static private int string boolean null "
				+ "elif lambda printf println console self struct enum interface async await try catch except throw "
				+ "throws namespace include typedef foreach array dict hashmap variable variables compile compiler "
				+ "recursion recursive implement implementation method methods parameter parameters argument "
				+ "arguments syntax debug bug bugs query queries column columns regex regexp snippet");
		add(TECH, "python java javascript typescript js ts sql mysql postgres postgresql sqlite bash shell zsh "
				+ "powershell linux unix ubuntu windows terminal command commands cli docker kubernetes kubectl k8s "
				+ "git github gitlab api apis json yaml yml xml html css react node npm pip rust golang cpp "
				+ "kotlin swift php ruby perl scala haskell code coding program programming programmer script "
				+ "scripts database server nginx apache aws azure gcp terraform ansible workflow workflows "
				+ "pipeline library framework compile runtime excel formula latex dockerfile junit pytest pandas numpy "
				+ "django frontend backend endpoint");
		add(WRITING, "essay essays story stories novel novels article articles blog speech screenplay thesis chapter "
				+ "narrative biography memoir report manuscript dissertation review letter ensayo historia artículo "
				+ "novela discurso essai histoire roman discours aufsatz geschichte artikel rede erzählung");
		add(ANALYSIS, "analyze analyse analysis analyzing analysing discuss discussion evaluate evaluation assess "
				+ "critically critique implications impact argue argument compare contrast examine justify debate "
				+ "ethical ethics consequences pros cons advantages disadvantages tradeoffs trade why extent "
				+ "analiza analizar discute evalúa analysez analyser discutez évaluez analysiere analysieren "
				+ "diskutiere bewerte affect affects influence influenced debate debates morality moral philosophical");
		add(PLANNING,
				"plan plans planning itinerary schedule budget syllabus curriculum roadmap strategy trip travel "
						+ "week weeks month months lesson program programme weekly daily milestones plan itinerario "
						+ "presupuesto planifica itinéraire budget planen reiseplan");
		add(MATH, "calculate compute solve equation equations probability percent percentage total sum product "
				+ "average ratio integer integers prime theorem prove proof derive geometry triangle circle area "
				+ "volume remainder each per many much cost costs paid pay earn earns spent left altogether "
				+ "cuántos cuántas cuánto cuánta combien viele insgesamt сколько ngapi");
		add(TRANSLATE, "translate translation translated translating traduce traducir traduire traduis übersetze "
				+ "übersetzen übersetzung english spanish french german chinese hindi");
		add(LOGIC,
				"premise premises conclusion conclusions logically logic deduce deduction deduce infer inference "
						+ "puzzle puzzles riddle syllogism entail entails contradiction contradict valid validity "
						+ "consistent statements prämisse schlussfolgerung premisa conclusión prémisse");
		add(CHAT, "hi hello hey thanks thank bye goodbye joke jokes morning night favorite favourite feel feeling "
				+ "chat talk lol please sorry");
	}

	private Lexicon() {
	}

	private static void add(int group, String words) {
		for (String word : words.split(" ")) {
			WORDS.putIfAbsent(word, group);
		}
	}

	/** Two-word phrases whose words alone say little ("what if", "step by step"). */
	private static final Map<String, Integer> PHRASES = Map.ofEntries(Map.entry("would happen", ANALYSIS),
			Map.entry("what if", ANALYSIS), Map.entry("what extent", ANALYSIS), Map.entry("by step", ANALYSIS),
			Map.entry("in depth", ANALYSIS), Map.entry("in detail", ANALYSIS),
			Map.entry("detailed explanation", ANALYSIS), Map.entry("or uncertain", LOGIC), Map.entry("true or", LOGIC),
			Map.entry("following conclusion", LOGIC), Map.entry("a function", TECH), Map.entry("function to", TECH),
			Map.entry("function that", TECH), Map.entry("a program", TECH), Map.entry("a script", TECH),
			Map.entry("a method", TECH), Map.entry("a query", TECH), Map.entry("the command", TECH),
			Map.entry("this code", TECH));

	/** The group of a lower-case word, or -1. */
	static int groupOf(String word) {
		Integer group = WORDS.get(word);
		return (group != null) ? group : -1;
	}

	/** The first words of {@link #PHRASES}: most words start none, and need no lookup. */
	private static final Set<String> PHRASE_STARTS = PHRASES.keySet()
		.stream()
		.map((phrase) -> phrase.substring(0, phrase.indexOf(' ')))
		.collect(Collectors.toUnmodifiableSet());

	/** The group of a lower-case two-word phrase, or -1. */
	static int groupOf(String previous, String word) {
		if (!PHRASE_STARTS.contains(previous)) {
			return -1;
		}
		Integer group = PHRASES.get(previous + " " + word);
		return (group != null) ? group : -1;
	}

	/** Adds the groups of the substring terms found in {@code text} to {@code counts}. */
	static void countTerms(String text, int[] counts) {
		for (Map.Entry<String, Integer> term : TERMS) {
			if (text.contains(term.getKey())) {
				counts[term.getValue()]++;
			}
		}
	}

}
