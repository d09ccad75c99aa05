package io.llmfleet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.cli.local.LocalFleetSettings;

/** {@code fleet local}: the whole fleet in this JVM until interrupted. */
@Command(name = "local", mixinStandardHelpOptions = true,
		description = "Run Kafka, the schema registry, every service and (where no real backend answers) the simulator.")
class LocalCommand implements Callable<Integer> {

	@Option(names = "--data-dir", defaultValue = ".fleet", description = "Broker data (default: ${DEFAULT-VALUE})")
	Path dataDir;

	@Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port (default: ${DEFAULT-VALUE})")
	int kafkaPort;

	@Option(names = "--registry-port", defaultValue = "8081",
			description = "Schema registry port (default: ${DEFAULT-VALUE})")
	int registryPort;

	@Option(names = "--simulate", description = "Simulate the backends even where a real one answers")
	boolean simulate;

	@Override
	public Integer call() throws InterruptedException {
		LocalFleetSettings defaults = LocalFleetSettings.defaults();
		LocalFleetSettings settings = new LocalFleetSettings(this.dataDir, this.kafkaPort, this.registryPort,
				this.simulate, defaults.latency(), ServiceArguments.forLocal(this.dataDir), true, true);
		LocalFleet fleet = LocalFleet.start(settings, System.out::println);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping the local fleet");
			fleet.close();
			stopped.countDown();
		}));
		System.out.println("Fleet running: submit with `fleet submit FILE.jsonl --bootstrap-servers "
				+ fleet.bootstrapServers() + " --schema-registry " + fleet.registryUrl() + "`; Ctrl-C stops it. Logs: "
				+ this.dataDir.resolve("fleet.log"));
		stopped.await();
		return 0;
	}

}
