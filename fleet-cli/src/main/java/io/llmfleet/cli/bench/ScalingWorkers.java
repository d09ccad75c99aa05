package io.llmfleet.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.cli.local.LocalFleet;
import io.llmfleet.worker.ollama.OllamaWorkerApplication;
import io.llmfleet.worker.vllm.VllmWorkerApplication;

/**
 * Workers of one model added one at a time to a {@link LocalFleet}, each with its own id,
 * against the fleet's simulator. A worker counts as serving once the model's consumer
 * group is stable with a member of every worker in it and every partition of the model's
 * topic assigned; members beyond the partitions may hold none, as they would in
 * production (which {@link LocalFleet#startWorker}'s readiness check does not allow).
 */
final class ScalingWorkers implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private final LocalFleet fleet;

	private final List<String> arguments;

	private final String backend;

	private final String modelId;

	private final String group;

	private final int partitions;

	private final List<ConfigurableApplicationContext> workers = new ArrayList<>();

	/**
	 * Workers for one model.
	 * @param fleet the running fleet
	 * @param arguments Spring arguments every service of the fleet got
	 * @param backend the model's backend kind
	 * @param modelId the model
	 * @param group the model's consumer group
	 * @param partitions the partitions of the model's topic
	 */
	ScalingWorkers(LocalFleet fleet, List<String> arguments, String backend, String modelId, String group,
			int partitions) {
		this.fleet = fleet;
		this.arguments = List.copyOf(arguments);
		this.backend = backend;
		this.modelId = modelId;
		this.group = group;
		this.partitions = partitions;
	}

	/** Workers running. */
	int count() {
		return this.workers.size();
	}

	/** Starts one more worker and waits until the model's group holds it. */
	void add() {
		int number = this.workers.size() + 1;
		List<String> all = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + this.fleet.bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=" + this.fleet.registryUrl(),
				"--spring.main.banner-mode=off"));
		all.addAll(this.arguments);
		all.add("--fleet.worker.models=" + this.modelId);
		all.add("--fleet.worker.id=" + workerId(number));
		SpringApplicationBuilder application;
		if (this.backend.equals("ollama")) {
			application = OllamaWorkerApplication.builder();
			all.add("--fleet.ollama.base-url=" + this.fleet.simulator().ollamaBaseUrl());
		}
		else {
			application = VllmWorkerApplication.builder();
			all.add("--fleet.vllm.base-url=" + this.fleet.simulator().vllmBaseUrl());
		}
		this.workers.add(application.run(all.toArray(String[]::new)));
		awaitGroup(number);
	}

	/**
	 * Waits until the group is stable with all the model topic's partitions assigned and
	 * a member of every worker started (their client ids start with the worker's id),
	 * however many consumers each worker runs.
	 */
	private void awaitGroup(int workers) {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.fleet.bootstrapServers()))) {
			while (true) {
				ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(this.group))
					.all()
					.get(10, TimeUnit.SECONDS)
					.get(this.group);
				int assigned = description.members()
					.stream()
					.mapToInt((member) -> member.assignment().topicPartitions().size())
					.sum();
				long present = IntStream.rangeClosed(1, workers)
					.filter((number) -> description.members()
						.stream()
						.anyMatch((member) -> member.clientId().startsWith(workerId(number) + "-")))
					.count();
				if (description.groupState() == GroupState.STABLE && present == workers
						&& assigned == this.partitions) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Group " + this.group + " not ready after " + READY_TIMEOUT + ": "
							+ description.groupState() + ", " + present + "/" + workers + " workers in it, " + assigned
							+ "/" + this.partitions + " partitions assigned");
				}
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for group " + this.group, ex);
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new IllegalStateException("Cannot describe group " + this.group + ": " + ex, ex);
		}
	}

	private static String workerId(int number) {
		return "bench-scaling-" + number;
	}

	/** Stops the workers, newest first. */
	@Override
	public void close() {
		for (int i = this.workers.size() - 1; i >= 0; i--) {
			this.workers.get(i).close();
		}
		this.workers.clear();
	}

}
