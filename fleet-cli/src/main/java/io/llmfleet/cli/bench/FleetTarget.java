package io.llmfleet.cli.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.llmfleet.client.FleetClient;
import io.llmfleet.client.FleetClientConfig;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.ResultStatus;

/**
 * The fleet as a bench target: requests go through {@link FleetClient}, as a batch job's
 * would, and a result counts when it is OK. A result with any other status completes the
 * request exceptionally with its status and error.
 */
public final class FleetTarget implements BenchTarget, AutoCloseable {

	private final String name;

	private final FleetClient client;

	private final List<String> prompts;

	private final String pinnedModel;

	private final int maxTokens;

	private volatile StageTimes stages = new StageTimes();

	/**
	 * Connects a client.
	 * @param name the target's name in the report
	 * @param bootstrapServers the fleet's broker
	 * @param registryUrl the fleet's schema registry
	 * @param prompts prompts, used in turn
	 * @param pinnedModel a catalogue model every request pins, or null to let the
	 * classifier decide
	 * @param maxTokens the {@code max_tokens} of every request, or 0 to leave it to the
	 * backend
	 */
	public FleetTarget(String name, String bootstrapServers, String registryUrl, List<String> prompts,
			String pinnedModel, int maxTokens) {
		this.name = name;
		this.client = FleetClient.connect(FleetClientConfig.of(bootstrapServers, registryUrl));
		this.prompts = List.copyOf(prompts);
		this.pinnedModel = pinnedModel;
		this.maxTokens = maxTokens;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public CompletableFuture<Void> submit(long sequence) {
		InferenceRequest.Builder request = FleetClient
			.request(this.prompts.get((int) (sequence % this.prompts.size())));
		if (this.pinnedModel != null) {
			request.setModel(this.pinnedModel);
		}
		if (this.maxTokens > 0) {
			request.setOptions(GenerationOptions.newBuilder().setMaxTokens(this.maxTokens).build());
		}
		long start = System.nanoTime();
		StageTimes stages = this.stages;
		return this.client.submit(request.build()).thenAccept((result) -> {
			requireOk(result);
			stages.add(result.getTimings(), (System.nanoTime() - start) / 1_000_000);
		});
	}

	/**
	 * Where the time of the requests sent since the last call went, and starts counting
	 * afresh.
	 * @return the stage times of those requests
	 */
	public StageTimes takeStages() {
		StageTimes taken = this.stages;
		this.stages = new StageTimes();
		return taken;
	}

	private static void requireOk(InferenceResult result) {
		if (result.getStatus() != ResultStatus.OK) {
			throw new IllegalStateException("Request " + result.getRequestId() + " ended " + result.getStatus()
					+ ((result.getError() != null) ? ": " + result.getError().getMessage() : ""));
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

}
