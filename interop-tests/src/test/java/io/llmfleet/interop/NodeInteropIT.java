package io.llmfleet.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.local.LocalFleet;

/**
 * A batch job written with Confluent's official Node client ({@code kafkajs} with the
 * {@code AvroSerializer} and {@code AvroDeserializer} of
 * {@code @confluentinc/schemaregistry}, {@code src/test/node/roundtrip.mjs}) submits
 * requests to the fleet and decodes every result. Skipped where Node or the packages are
 * missing ({@code npm ci --prefix interop-tests/src/test/node}).
 */
@ExtendWith(SharedLocalFleet.class)
class NodeInteropIT {

	private static final int BATCH_SIZE = 50;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@Test
	void nodeBatchJobGetsEveryResultFromTheFleet(LocalFleet fleet, @TempDir Path temp) throws Exception {
		ExternalClients.assumeNode();

		String summary = ExternalClients
			.node(TIMEOUT, Map.of("ROUNDTRIP_TIMEOUT_MS", "50000"), "roundtrip.mjs", fleet.bootstrapServers(),
					fleet.registryUrl(), String.valueOf(BATCH_SIZE), ExternalClients.requestSchemaFile(temp),
					"node.results." + UUID.randomUUID())
			.assertSucceeded()
			.lastLine();

		RoundTripSummary.assertEveryResultCameBack(summary, BATCH_SIZE);
	}

}
