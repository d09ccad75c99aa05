package io.llmfleet.worker.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.FileSystemUtils;

import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.embedded.registry.EmbeddedSchemaRegistry;

/**
 * One embedded Kafka broker and schema registry for every integration test class of a
 * run: the first class that asks for a {@link Kafka} parameter starts them, and JUnit
 * closes them, deleting the broker's data, when the run ends. Classes keep apart by topic
 * prefix.
 */
public final class SharedKafka implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafka.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Kafka.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Kafka.class, (key) -> Kafka.start(), Kafka.class);
	}

	/**
	 * The running broker and registry.
	 *
	 * @param broker the broker
	 * @param registry the registry, its schemas on the broker
	 * @param dataDir the broker's data
	 */
	public record Kafka(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry,
			Path dataDir) implements AutoCloseable {

		static Kafka start() {
			try {
				Path dataDir = Files.createTempDirectory("worker-it-kafka-");
				EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
				return new Kafka(broker, EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0), dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/** The broker's address. */
		public String bootstrapServers() {
			return this.broker.bootstrapServers();
		}

		/** The registry's URL. */
		public String registryUrl() {
			return this.registry.url();
		}

		@Override
		public void close() throws IOException {
			this.registry.close();
			this.broker.close();
			FileSystemUtils.deleteRecursively(this.dataDir);
		}

	}

}
