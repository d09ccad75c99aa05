package io.llmfleet.worker.ollama;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A worker that serves its models from an Ollama server: the worker runtime around an
 * {@link OllamaBackend}, without a web server. Reads {@code worker-ollama.yml}.
 */
@SpringBootApplication
public class OllamaWorkerApplication {

	/**
	 * The application as {@link #main} runs it, for tests and launchers that add to it.
	 * @return a builder for the worker application
	 */
	public static SpringApplicationBuilder builder() {
		return new SpringApplicationBuilder(OllamaWorkerApplication.class)
			.properties("spring.config.name=worker-ollama")
			.web(WebApplicationType.NONE);
	}

	/** Standalone, the service serves the actuator (health, Prometheus) over HTTP. */
	public static void main(String[] args) {
		builder().web(WebApplicationType.SERVLET).run(args);
	}

}
