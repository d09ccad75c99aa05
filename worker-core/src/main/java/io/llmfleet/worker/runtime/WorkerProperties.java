package io.llmfleet.worker.runtime;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.llmfleet.worker.capacity.GpuProperties;

/**
 * Settings of one worker process.
 *
 * @param id the worker's id in results, dead letters and capacity reports; defaults to
 * {@code <backend>@<host>:<pid>}
 * @param backend the backend kind this worker drives, as the catalogue names it
 * @param models catalogue model ids to serve; empty means every model of this backend
 * kind
 * @param maxInFlight concurrent backend calls per served model: the records of that
 * model's topic a worker holds at once
 * @param requestTimeout how long one backend call may take
 * @param transientRetries retries of a TRANSIENT failure before it is dead-lettered
 * @param retryBackoff pause before the first retry, doubled for each further one
 * @param heartbeat the longest time between two capacity reports; a report also goes out
 * at once when a model is loaded or unloaded or its slots fill or free up
 * @param statusPoll how often the backend's status (loaded models, queue, KV cache) and
 * the GPU are read between heartbeats; at most {@code heartbeat}
 * @param statusTimeout how long asking the backend for its status may take; a report
 * waits for it at most this long
 * @param shutdownGrace how long a stopping worker lets its calls in flight finish; what
 * is still running then is aborted and left uncommitted, for another worker to serve
 * @param warmUp whether to load every served model at start-up, before taking work
 * @param gpu the GPU this worker reports on ({@code fleet.worker.gpu.*})
 */
@Validated
@ConfigurationProperties("fleet.worker")
public record WorkerProperties(String id, @NotBlank String backend, @DefaultValue List<String> models,
		@DefaultValue("4") @Min(1) int maxInFlight, @DefaultValue("5m") Duration requestTimeout,
		@DefaultValue("2") @Min(0) int transientRetries, @DefaultValue("200ms") Duration retryBackoff,
		@DefaultValue("2s") Duration heartbeat, @DefaultValue("500ms") Duration statusPoll,
		@DefaultValue("2s") Duration statusTimeout, @DefaultValue("30s") Duration shutdownGrace,
		@DefaultValue("false") boolean warmUp, @DefaultValue @Valid GpuProperties gpu) {

	public WorkerProperties {
		models = (models != null) ? List.copyOf(models) : List.of();
		if (id == null || id.isBlank()) {
			id = backend + "@" + hostName() + ":" + ProcessHandle.current().pid();
		}
		if (requestTimeout.isNegative() || requestTimeout.isZero()) {
			throw new IllegalArgumentException("fleet.worker.request-timeout must be positive, was " + requestTimeout);
		}
		if (heartbeat.toMillis() <= 0) {
			throw new IllegalArgumentException("fleet.worker.heartbeat must be at least 1ms, was " + heartbeat);
		}
		if (statusPoll.toMillis() <= 0 || statusPoll.compareTo(heartbeat) > 0) {
			throw new IllegalArgumentException("fleet.worker.status-poll must be at least 1ms and at most "
					+ "fleet.worker.heartbeat (" + heartbeat + "), was " + statusPoll);
		}
		if (statusTimeout.toMillis() <= 0) {
			throw new IllegalArgumentException(
					"fleet.worker.status-timeout must be at least 1ms, was " + statusTimeout);
		}
		if (shutdownGrace.isNegative()) {
			throw new IllegalArgumentException(
					"fleet.worker.shutdown-grace must not be negative, was " + shutdownGrace);
		}
		gpu = (gpu != null) ? gpu : GpuProperties.defaults();
	}

	static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return ManagementFactory.getRuntimeMXBean().getName();
		}
	}

}
