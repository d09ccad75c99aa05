package io.llmfleet.cli.replay;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ReportRenderingTests {

	static ReplayReport report;

	@TempDir
	static Path dir;

	@BeforeAll
	static void evaluate() throws Exception {
		List<TrafficRecord> traffic = new java.util.ArrayList<>(ReplayFixtures.traffic(ReplayFixtures.prompts(120)));
		// A prompt that would break HTML if it were not escaped.
		TrafficRecord first = traffic.get(0);
		InferenceRequest hostile = InferenceRequest.newBuilder(first.request())
			.setRequestId("hostile")
			.setMessages(List.of(new io.llmfleet.schemas.ChatMessage("user", "</td><script>alert(1)</script> & |")))
			.build();
		Path labels = dir.resolve("labels.jsonl");
		Files.writeString(labels, "{\"request_id\": \"hostile\", \"tier\": \"heavy\"}\n");
		Path policy = dir.resolve("candidate.yml");
		Files.writeString(policy, "fleet.classifier.confidence-threshold: 0.9\n");
		ReplayPolicy candidate = ReplayPolicy.load(policy);
		// Recorded in another tier than the candidate picks, so it is listed as changed.
		String candidateTier = ((ClassifierDecision.Classified) candidate.tierClassifier().classify(hostile))
			.classification()
			.getTier();
		String recorded = candidate.catalog()
			.tierNames()
			.stream()
			.filter((t) -> !t.equals(candidateTier))
			.findFirst()
			.orElseThrow();
		traffic.add(new TrafficRecord(hostile, new TrafficRecord.Decision(recorded, 0.4, "x", null, false),
				first.served()));
		report = ReplayEvaluation.evaluate(traffic, candidate, Labels.read(labels), true);
	}

	@Test
	void theMarkdownHasEverySectionAndTheChangedRequests() {
		String md = MarkdownReport.render(report, 5);

		assertThat(md).contains("# Replay evaluation: candidate.yml against production")
			.contains("## Summary")
			.contains("agreement with production decisions")
			.contains("## Tier mix")
			.contains("## Production (rows) against candidate (columns)")
			.contains("## Labels (rows) against candidate (columns)")
			.contains("## Cost against quality")
			.contains("## Recorded latency per model")
			.contains("## Requests that changed tier (" + report.changes().size() + ")");
		assertThat(report.changes()).hasSizeGreaterThan(5);
		assertThat(md).contains("… and " + (report.changes().size() - 5) + " more.");
		assertThat(MarkdownReport.render(report, 500)).contains("</td><script>alert(1)</script> & \\|");
	}

	@Test
	void theHtmlIsOneFileWithWellFormedChartsAndEscapedPrompts() throws Exception {
		String html = HtmlReport.render(report, 500);

		assertThat(html).doesNotContain("<script").doesNotContain("src=\"http").contains("&lt;script&gt;");
		Matcher svgs = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
		int charts = 0;
		while (svgs.find()) {
			charts++;
			String svg = svgs.group();
			DocumentBuilderFactory.newInstance()
				.newDocumentBuilder()
				.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		}
		// Tier mix, cost against quality, two heatmaps, latency per model.
		assertThat(charts).isEqualTo(5);
		assertThat(html).contains("Cost against quality").contains("Labels against candidate");
	}

}
