package io.llmfleet.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Confluent wire format, byte for byte: for one fixed record under one subject (so
 * one schema id), our Java serializer, Confluent's Node serializer and Confluent's Python
 * serializer write identical bytes, and each reads what the others wrote.
 */
@ExtendWith(SharedLocalFleet.class)
class WireBytesIT {

	/** The topic whose value subject every serializer writes under. */
	private static final String TOPIC = "wire.requests";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void javaNodeAndPythonWriteIdenticalBytesAndReadEachOthers(LocalFleet fleet, @TempDir Path temp) throws Exception {
		ExternalClients.assumeNode();
		ExternalClients.assumePython();
		InferenceRequest record = FixedRequest.record();
		Map<String, String> serde = Map.of("schema.registry.url", fleet.registryUrl());
		String schema = ExternalClients.requestSchemaFile(temp);

		String javaHex;
		try (FleetAvroSerializer<InferenceRequest> serializer = new FleetAvroSerializer<>()) {
			serializer.configure(serde, false);
			javaHex = HexFormat.of().formatHex(serializer.serialize(TOPIC, record));
		}
		String nodeHex = ExternalClients
			.node(TIMEOUT, Map.of(), "wire.mjs", "encode", fleet.registryUrl(), schema, TOPIC + "-value")
			.assertSucceeded()
			.lastLine();
		String pythonHex = ExternalClients
			.python(TIMEOUT, "wire.py", "encode", fleet.registryUrl(), schema, TOPIC + "-value")
			.assertSucceeded()
			.lastLine();

		assertThat(nodeHex).as("Node's bytes").isEqualTo(javaHex);
		assertThat(pythonHex).as("Python's bytes").isEqualTo(javaHex);
		try (FleetAvroDeserializer<InferenceRequest> deserializer = new FleetAvroDeserializer<>()) {
			deserializer.configure(serde, false);
			for (String hex : List.of(nodeHex, pythonHex)) {
				assertThat(deserializer.deserialize(TOPIC, HexFormat.of().parseHex(hex))).isEqualTo(record);
			}
		}
		for (String hex : List.of(javaHex, pythonHex)) {
			String decoded = ExternalClients.node(TIMEOUT, Map.of(), "wire.mjs", "decode", fleet.registryUrl(), hex)
				.assertSucceeded()
				.lastLine();
			assertThat(FixedRequest.parse(decoded)).as("Node decoding " + hex).isEqualTo(FixedRequest.json());
		}
		for (String hex : List.of(javaHex, nodeHex)) {
			String decoded = ExternalClients.python(TIMEOUT, "wire.py", "decode", fleet.registryUrl(), hex)
				.assertSucceeded()
				.lastLine();
			assertThat(FixedRequest.parse(decoded)).as("Python decoding " + hex).isEqualTo(FixedRequest.json());
		}
	}

}
