package io.llmfleet.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

/**
 * The one record every serializer encodes in the wire-bytes test: {@link #FILE} for the
 * Node and Python scripts, {@link #record()} for Java. The Java literal is written
 * independently of the file, so equal bytes prove both say the same.
 */
final class FixedRequest {

	/**
	 * The record as the scripts read it (sorted keys, timestamps in epoch milliseconds).
	 */
	static final Path FILE = ExternalClients.NODE_PROJECT.resolve("fixed-request.json");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private FixedRequest() {
	}

	static InferenceRequest record() {
		return InferenceRequest.newBuilder()
			.setRequestId("wire-0001")
			.setReplyTo("fleet.results")
			.setMessages(List.of(new ChatMessage("user", "What is the capital of France?")))
			.setCreatedAt(Instant.ofEpochMilli(1767225600000L))
			.setMetadata(Map.of("source", "wire-test"))
			.build();
	}

	/** The file's content as JSON, to compare with what a script decoded. */
	static JsonNode json() throws IOException {
		return JSON.readTree(Files.readString(FILE));
	}

	/** One line of canonical JSON a script printed. */
	static JsonNode parse(String line) {
		return JSON.readTree(line);
	}

}
