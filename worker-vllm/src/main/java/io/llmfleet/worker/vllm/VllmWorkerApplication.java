package io.llmfleet.worker.vllm;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A worker that serves its models from a vLLM server: the worker runtime around a
 * {@link VllmBackend}, without a web server. Reads {@code worker-vllm.yml}.
 */
@SpringBootApplication
public class VllmWorkerApplication {

	/**
	 * The application as {@link #main} runs it, for tests and launchers that add to it.
	 * @return a builder for the worker application
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(VllmWorkerApplication.class).properties("spring.config.name=worker-vllm")
			.web(WebApplicationType.NONE);
	}

	/** Standalone, the service serves the actuator (health, Prometheus) over HTTP. */
	public static void main(String[] args) {
		builder().web(WebApplicationType.SERVLET).run(args);
	}

}
