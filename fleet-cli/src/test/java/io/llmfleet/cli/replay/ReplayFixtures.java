package io.llmfleet.cli.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.classifier.training.LabelledPrompt;
import io.llmfleet.classifier.training.TrainingData;
import io.llmfleet.cli.traffic.TrafficRecord;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;

/**
 * Recorded traffic made without a fleet: prompts of the labelled training file, each
 * decided by the production classifier as the service would, served OK by the first
 * catalogue model of its tier with a latency per tier.
 */
final class ReplayFixtures {

	static final Path TRAINING = Path.of("../data/routing-train.jsonl");

	private ReplayFixtures() {
	}

	static List<LabelledPrompt> prompts(int count) throws IOException {
		List<LabelledPrompt> rows = TrainingData.read(TRAINING);
		// Every seventh row: a spread of sources and tiers rather than the file's first
		// block.
		List<LabelledPrompt> picked = new ArrayList<>();
		for (int i = 0; i < rows.size() && picked.size() < count; i += 7) {
			picked.add(rows.get(i));
		}
		return picked;
	}

	static List<TrafficRecord> traffic(List<LabelledPrompt> prompts) {
		ReplayPolicy production = ReplayPolicy.production();
		var classifier = production.tierClassifier();
		List<TrafficRecord> traffic = new ArrayList<>();
		for (int i = 0; i < prompts.size(); i++) {
			InferenceRequest request = InferenceRequest.newBuilder()
				.setRequestId("r" + i)
				.setMessages(List.of(new ChatMessage("user", prompts.get(i).prompt())))
				.setCreatedAt(Instant.parse("2025-06-01T10:00:00Z").plusMillis(100L * i))
				.setMetadata(Map.of("custom_id", prompts.get(i).id()))
				.build();
			Classification decided = ((ClassifierDecision.Classified) classifier.classify(request)).classification();
			String tier = decided.getTier();
			String model = production.catalog().modelsOf(tier).get(0).id();
			long latency = 100L << production.catalog().tierNames().indexOf(tier);
			traffic.add(new TrafficRecord(request,
					new TrafficRecord.Decision(tier, decided.getConfidence(), decided.getClassifier(), null, false),
					new TrafficRecord.Served(tier, model, "w1", "OK", null, 1, latency, 1L, latency - 5, 10, 20)));
		}
		return traffic;
	}

}
