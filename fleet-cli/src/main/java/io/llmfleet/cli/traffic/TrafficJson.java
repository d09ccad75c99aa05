package io.llmfleet.cli.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.schemas.InferenceRequest;

/** Converts traffic records to and from the JSON objects of {@link TrafficFile}. */
final class TrafficJson {

	private TrafficJson() {
	}

	static Map<String, Object> toMap(TrafficRecord record) {
		InferenceRequest request = record.request();
		Map<String, Object> line = new LinkedHashMap<>();
		put(line, "request_id", request.getRequestId());
		put(line, "batch_id", request.getBatchId());
		put(line, "custom_id", record.customId());
		put(line, "tenant", request.getTenant());
		put(line, "created_at", request.getCreatedAt().toString());
		line.put("messages",
				request.getMessages()
					.stream()
					.map((message) -> Map.of("role", message.getRole(), "content", message.getContent()))
					.toList());
		put(line, "model_pin", request.getModel());
		put(line, "tier_hint", request.getTierHint());
		line.put("allow_fallback", request.getAllowFallback());
		line.put("priority", request.getPriority());
		put(line, "options", options(request.getOptions()));
		line.put("metadata", request.getMetadata());
		if (record.decision() != null) {
			TrafficRecord.Decision decision = record.decision();
			line.put("tier", decision.tier());
			line.put("confidence", decision.confidence());
			put(line, "classifier", decision.classifier());
			put(line, "language", decision.language());
			line.put("pinned", decision.pinned());
		}
		if (record.served() != null) {
			TrafficRecord.Served served = record.served();
			put(line, "served_tier", served.tier());
			put(line, "model", served.model());
			put(line, "worker", served.worker());
			put(line, "status", served.status());
			put(line, "error_kind", served.errorKind());
			line.put("attempts", served.attempts());
			put(line, "latency_ms", served.latencyMs());
			put(line, "queue_ms", served.queueMs());
			put(line, "backend_ms", served.backendMs());
			line.put("prompt_tokens", served.promptTokens());
			line.put("completion_tokens", served.completionTokens());
		}
		return line;
	}

	static TrafficRecord fromNode(JsonNode node) {
		List<ChatMessage> messages = new ArrayList<>();
		node.path("messages")
			.forEach((message) -> messages
				.add(new ChatMessage(message.path("role").asString("user"), message.path("content").asString(""))));
		Map<String, String> metadata = new LinkedHashMap<>();
		node.path("metadata")
			.properties()
			.forEach((entry) -> metadata.put(entry.getKey(), entry.getValue().asString()));
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId(text(node, "request_id"))
			.setBatchId(text(node, "batch_id"))
			.setTenant(text(node, "tenant"))
			.setMessages(messages)
			.setModel(text(node, "model_pin"))
			.setTierHint(text(node, "tier_hint"))
			.setAllowFallback(node.path("allow_fallback").asBoolean(true))
			.setPriority(node.path("priority").asInt(0))
			.setOptions(node.has("options") ? options(node.get("options")) : null)
			.setCreatedAt(Instant.parse(text(node, "created_at")))
			.setMetadata(metadata)
			.build();
		TrafficRecord.Decision decision = node.hasNonNull("tier")
				? new TrafficRecord.Decision(text(node, "tier"), node.path("confidence").asDouble(0),
						text(node, "classifier"), text(node, "language"), node.path("pinned").asBoolean(false))
				: null;
		TrafficRecord.Served served = node.hasNonNull("status")
				? new TrafficRecord.Served(text(node, "served_tier"), text(node, "model"), text(node, "worker"),
						text(node, "status"), text(node, "error_kind"), node.path("attempts").asInt(1),
						number(node, "latency_ms"), number(node, "queue_ms"), number(node, "backend_ms"),
						node.path("prompt_tokens").asInt(0), node.path("completion_tokens").asInt(0))
				: null;
		return new TrafficRecord(request, decision, served);
	}

	private static Map<String, Object> options(GenerationOptions options) {
		if (options == null) {
			return null;
		}
		Map<String, Object> map = new LinkedHashMap<>();
		put(map, "max_tokens", options.getMaxTokens());
		put(map, "temperature", options.getTemperature());
		put(map, "top_p", options.getTopP());
		put(map, "seed", options.getSeed());
		if (!options.getStop().isEmpty()) {
			map.put("stop", options.getStop());
		}
		return map;
	}

	private static GenerationOptions options(JsonNode node) {
		GenerationOptions.Builder options = GenerationOptions.newBuilder();
		if (node.hasNonNull("max_tokens")) {
			options.setMaxTokens(node.get("max_tokens").asInt());
		}
		if (node.hasNonNull("temperature")) {
			options.setTemperature((float) node.get("temperature").asDouble());
		}
		if (node.hasNonNull("top_p")) {
			options.setTopP((float) node.get("top_p").asDouble());
		}
		if (node.hasNonNull("seed")) {
			options.setSeed(node.get("seed").asLong());
		}
		List<String> stop = new ArrayList<>();
		node.path("stop").forEach((value) -> stop.add(value.asString()));
		return options.setStop(stop).build();
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Long number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asLong();
	}

}
