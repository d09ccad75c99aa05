package io.llmfleet.worker.runtime;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.llmfleet.worker.backend.Backend;

/**
 * UP while the worker's backend (its Ollama or vLLM server) answers, DOWN with the reason
 * otherwise: a worker whose GPU server is gone shows it on its actuator.
 */
class BackendHealthIndicator extends AbstractHealthIndicator {

	private final Backend backend;

	BackendHealthIndicator(Backend backend) {
		super("Backend health check failed");
		this.backend = backend;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.backend.checkReachable();
		builder.up().withDetail("kind", this.backend.kind());
	}

}
