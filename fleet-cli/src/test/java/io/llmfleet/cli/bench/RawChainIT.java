package io.llmfleet.cli.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.llmfleet.cli.bench.RawChain.ChainShape;
import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny bounded run of the raw chain, with and without transactions, through a real
 * broker: every request comes back once, nothing is lost.
 */
class RawChainIT {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private static final ChainShape SHAPE = new ChainShape(3, 6, 3, 4);

	@TempDir
	static Path dataDir;

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = EmbeddedKafkaBroker.start(dataDir, 0);
	}

	@AfterAll
	static void stopBroker() {
		broker.close();
	}

	@Test
	void everyRequestComesBackOnceThroughTheFourHops() {
		try (RawChain chain = RawChain.start("plain", broker.bootstrapServers(), SHAPE, false, BenchPrompts.payloads(),
				TIMEOUT)) {
			Measurement latency = LoadDriver.latency(chain, 5, 30, TIMEOUT);
			assertThat(latency.counts()).isEqualTo(new Counts(35, 35, 0, 0));
			assertThat(latency.latency().count()).isEqualTo(30);
			Measurement throughput = LoadDriver.throughput(chain, 20, 300, 64, TIMEOUT);
			assertThat(throughput.counts()).isEqualTo(new Counts(320, 320, 0, 0));
			assertThat(throughput.perSecond()).isPositive();
			assertThat(chain.failure()).isNull();
		}
	}

	@Test
	void transactionalHopsLoseNothingEither() {
		try (RawChain chain = RawChain.start("transactional", broker.bootstrapServers(), SHAPE, true,
				BenchPrompts.payloads(), TIMEOUT)) {
			Measurement throughput = LoadDriver.throughput(chain, 0, 200, 32, TIMEOUT);
			assertThat(throughput.counts()).isEqualTo(new Counts(200, 200, 0, 0));
			assertThat(chain.failure()).isNull();
		}
	}

}
