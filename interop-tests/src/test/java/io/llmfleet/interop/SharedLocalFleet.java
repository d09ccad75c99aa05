package io.llmfleet.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;
import io.llmfleet.simulator.LatencyModel;

/**
 * One local fleet (real broker, registry, services, simulated backends) shared by every
 * interop test of the run, started on first use and stopped when the run ends. Test
 * methods and lifecycle methods receive it as a {@link LocalFleet} parameter.
 */
public class SharedLocalFleet implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalFleet.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(SharedLocalFleet.class))
			.computeIfAbsent(Running.class, (key) -> new Running(), Running.class)
			.fleet();
	}

	/** The fleet, closed by JUnit with the root context. */
	record Running(LocalFleet fleet) implements AutoCloseable {

		Running() {
			this(start());
		}

		private static LocalFleet start() {
			try {
				return LocalFleet.start(LocalFleetSettings.isolated(Files.createTempDirectory("interop-fleet"))
					.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
					.withExtraArguments(List.of("--spring.main.register-shutdown-hook=false")), (line) -> {
					});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			this.fleet.close();
		}

	}

}
