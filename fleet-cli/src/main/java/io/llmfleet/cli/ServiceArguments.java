package io.llmfleet.cli;

import java.nio.file.Path;
import java.util.List;

/** Spring arguments the CLI gives the services it runs in its own JVM. */
final class ServiceArguments {

	private ServiceArguments() {
	}

	/**
	 * {@code fleet local}: the CLI closes the services in order itself, and their
	 * decision lines go to a log file rather than the console.
	 */
	static List<String> forLocal(Path dataDir) {
		return List.of("--spring.main.register-shutdown-hook=false", "--spring.main.log-startup-info=false",
				"--logging.config=classpath:logback-local.xml", "--logging.file.name=" + dataDir.resolve("fleet.log"));
	}

	/** {@code fleet demo}: quiet, the summary is the output. */
	static List<String> forDemo() {
		return List.of("--spring.main.register-shutdown-hook=false", "--spring.main.log-startup-info=false",
				"--logging.level.io.llmfleet=WARN");
	}

}
