package io.llmfleet.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.local.LocalFleet;

/**
 * A batch job written with Debian's {@code python3-confluent-kafka} (its
 * {@code confluent_kafka.avro} serializer over {@code python3-avro},
 * {@code src/test/python/roundtrip.py}) submits requests to the fleet and decodes every
 * result. Skipped where the packages are missing
 * ({@code apt-get install python3-confluent-kafka python3-avro python3-requests}).
 */
@ExtendWith(SharedLocalFleet.class)
class PythonInteropIT {

	private static final int BATCH_SIZE = 50;

	private static final Duration TIMEOUT = Duration.ofSeconds(100);

	@Test
	void pythonBatchJobGetsEveryResultFromTheFleet(LocalFleet fleet, @TempDir Path temp) throws Exception {
		ExternalClients.assumePython();

		String summary = ExternalClients
			.python(TIMEOUT, "roundtrip.py", fleet.bootstrapServers(), fleet.registryUrl(), String.valueOf(BATCH_SIZE),
					ExternalClients.requestSchemaFile(temp), "python.results." + UUID.randomUUID())
			.assertSucceeded()
			.lastLine();

		RoundTripSummary.assertEveryResultCameBack(summary, BATCH_SIZE);
	}

}
