package io.llmfleet.embedded.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.util.FileSystemUtils;

/**
 * One embedded Kafka broker for every registry integration test class of a run: the first
 * class that asks for an {@link EmbeddedKafkaBroker} parameter starts it, and it is
 * closed, its data deleted, when the run ends. Each class keeps its own registry topic.
 */
final class SharedBroker implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedBroker.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Running.class, (key) -> Running.start(), Running.class)
			.broker();
	}

	/**
	 * The broker and its data directory, closed together by JUnit at the end of the run.
	 */
	private record Running(EmbeddedKafkaBroker broker, Path dataDir) implements AutoCloseable {

		static Running start() {
			try {
				Path dataDir = Files.createTempDirectory("fleet-embedded-it-");
				return new Running(EmbeddedKafkaBroker.start(dataDir, 0), dataDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws IOException {
			this.broker.close();
			FileSystemUtils.deleteRecursively(this.dataDir);
		}

	}

}
